using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Commands;

/// <summary>What <c>import salesforce</c> and <c>import hubspot</c> share with <c>import sql</c>: save the sync, run it, refresh membership, report.</summary>
internal static class ConnectorImport
{
    public static async Task<int> RunAsync(CommandContext context, SyncDefinition definition, bool full, string what, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        definition = await SyncCalls.SaveAsync(session, definition, cancellationToken);
        var run = await SyncCalls.RunAsync(context, session, definition, full ? SourceReadMode.Full : null, cancellationToken);
        var refresh = await Membership.RefreshAsync(context, session, cancellationToken);
        var secret = ConnectionText.SecretOf(definition.Source);
        return SyncRunReport.Write(
            context,
            run,
            secret,
            refresh,
            SyncJson.ImportSummary(run, secret),
            $"Imported {Names.Plural(definition.Kind)} from {what} into '{context.DatabasePath}' (sync '{definition.Name}', source '{definition.EffectiveSourceName}', object '{definition.ObjectName}'):",
            "the import failed");
    }
}
