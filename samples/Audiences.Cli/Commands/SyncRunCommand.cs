using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Sources;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>sync run NAME [--full]</c>: runs a sync now, by hand, and prints the run. --json: the run
/// (<c>{"id":N,"sync":"...","status":"...","read":N,...,"errors":[...],"failure":...}</c>, plus <c>"membership"</c> when
/// there are audiences). A failed run is printed like any other, then exit 1.
/// </summary>
internal sealed class SyncRunCommand : CliCommand
{
    private readonly Argument<string> _name = SyncNameArgument.Create();
    private readonly Option<bool> _full = CommonOptions.Flag("--full", "read everything again, ignoring the stored cursor");

    public SyncRunCommand()
        : base("run", "runs a sync now and prints what it read, created, updated, rejected and deleted")
    {
        Arguments.Add(_name);
        Options.Add(_full);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await SyncNameArgument.ReadAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        var run = await SyncCalls.RunAsync(context, session, definition, parse.GetValue(_full) ? SourceReadMode.Full : null, cancellationToken);
        var refresh = await Membership.RefreshAsync(context, session, cancellationToken);
        var connection = ConnectionText.SecretOf(definition.Source);
        return SyncRunReport.Write(
            context, run, connection, refresh, SyncJson.Run(run, connection), $"Sync '{definition.Name}', run {run.Id}:", $"sync '{definition.Name}' failed");
    }
}
