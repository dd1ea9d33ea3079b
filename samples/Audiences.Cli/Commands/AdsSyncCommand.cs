using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>ads sync NAME</c>: sends the ad audience's changes to the platform now — members who joined added, those who left
/// removed — and prints the counts. --json: <c>{"name","platform","run","status","added","removed","failed","skipped","failure"}</c>.
/// A sync that failed as a whole or with members that failed (an unreachable platform, a refused token) exits 1 with the reason.
/// </summary>
internal sealed class AdsSyncCommand : CliCommand
{
    private readonly Argument<string> _name = ExportNameArgument.Create("the ad audience's name, as 'ads list' shows it");

    public AdsSyncCommand()
        : base("sync", "sends an ad audience's changes to its platform now: members who joined added, those who left removed")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await AdsNames.RequireAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var run = await ExportCalls.RunAsync(context, session, definition, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AdJson.Sync(definition, run));
        }
        else
        {
            context.Out.WriteLine(
                $"Ad audience '{definition.Name}' ({definition.Destination.Type}), run {run.Id}: {ExportJson.Status(run.Status)}, "
                + $"{Output.Formats.Count(AdJson.Added(run))} added, {Output.Formats.Count(run.Removed)} removed, "
                + $"{Output.Formats.Count(run.Failed)} failed, {Output.Formats.Count(run.Skipped)} skipped.");
        }

        return await ExportRunCommand.ReportFailuresAsync(context, session, definition, run, $"ads status {definition.Name}", cancellationToken);
    }
}
