using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>export run NAME</c>: runs an export now, by hand — in full the first time, then only what changed since its last
/// successful run, plus the failed records due a retry — and prints the run. --json: the run
/// (<c>{"id","export","status","sent","succeeded","failed","created","updated","removed","skipped","failure",...}</c>).
/// A run that failed as a whole, or with records that failed, is printed like any other, then exit 1.
/// </summary>
internal sealed class ExportRunCommand : CliCommand
{
    private readonly Argument<string> _name = ExportNameArgument.Create();

    public ExportRunCommand()
        : base("run", "runs an export now and prints what it sent, created, updated, removed, skipped and what failed")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await ExportCalls.RequireAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var run = await ExportCalls.RunAsync(context, session, definition, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(ExportJson.Run(run, definition.Destination));
        }
        else
        {
            context.Out.WriteLine($"Export '{definition.Name}', run {run.Id}: {ExportText.Outcome(run)}.");
        }

        return await ReportFailuresAsync(context, session, definition, run, $"export failures {definition.Name}", cancellationToken);
    }

    /// <summary>
    /// Exit 0 for a run where nothing failed; else names what failed on stderr (the run's failure, or the first record's
    /// reason and where the rest are listed) and exit 1.
    /// </summary>
    public static async Task<int> ReportFailuresAsync(
        CommandContext context, AudiencesSession session, ExportDefinition definition, ExportRun run, string failuresCommand, CancellationToken cancellationToken)
    {
        if (run.Status == ExportRunStatus.Failed)
        {
            var reason = run.Failure is { } failure ? DestinationText.Redact(failure, definition.Destination) : "no reason given";
            await context.Error.WriteLineAsync(Output.Formats.OneLine($"error: export '{definition.Name}' failed: {reason}"));
            return ExitCodes.BadInput;
        }

        if (run.Failed == 0)
        {
            return ExitCodes.Success;
        }

        var failures = await session.Exports.ListFailuresAsync(definition.Name, cancellationToken);
        var first = failures.Count > 0 ? $" (first: {DestinationText.Redact(failures[0].Reason, definition.Destination)})" : string.Empty;
        await context.Error.WriteLineAsync(Output.Formats.OneLine(
            $"error: export '{definition.Name}': {run.Failed} record{(run.Failed == 1 ? string.Empty : "s")} failed{first}; '{failuresCommand}' lists them with their next try."));
        return ExitCodes.BadInput;
    }
}
