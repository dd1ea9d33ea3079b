using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Commands;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>How the commands that run a sync print the run: its JSON or text, the membership refresh, and the exit code.</summary>
internal static class SyncRunReport
{
    /// <param name="context">The command's context.</param>
    /// <param name="run">The run as it ended.</param>
    /// <param name="connection">The source's connection string, whose password is masked wherever it shows.</param>
    /// <param name="refresh">The membership refresh after the run; null without audiences.</param>
    /// <param name="json">The run's JSON form for this command.</param>
    /// <param name="heading">The text line above the run.</param>
    /// <param name="failed">How the error line names a failed run (e.g. <c>the import failed</c>).</param>
    /// <returns>The exit code: 1 for a failed run.</returns>
    public static int Write(CommandContext context, SyncRun run, string? connection, MembershipRefresh? refresh, JsonObject json, string heading, string failed)
    {
        if (context.Json)
        {
            Membership.AddTo(json, refresh);
            context.WriteJson(json);
        }
        else
        {
            context.Out.WriteLine(heading);
            SyncText.WriteRun(context.Out, run, connection);
            Membership.Write(context.Out, refresh);
        }

        if (run.Status != SyncRunStatus.Failed)
        {
            return ExitCodes.Success;
        }

        context.Error.WriteLine($"error: {failed}: {Formats.OneLine(ConnectionText.Redact(run.Failure ?? "no reason given", connection))}");
        return ExitCodes.BadInput;
    }
}
