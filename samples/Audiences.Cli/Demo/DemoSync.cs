using Audiences.Cli.Cli;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Microsoft.Data.Sqlite;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's sync: a query over the warehouse's sign-ups, run once (reading every row), then again after two rows
/// changed (reading only those two, from the stored cursor), and its history.
/// </summary>
internal sealed record DemoSync(SyncDefinition Definition, string WarehousePath, SyncRun First, SyncRun Second, IReadOnlyList<SyncRun> History)
{
    public const string Name = "product-signups";

    public static async Task<DemoSync> RunAsync(CommandContext context, AudiencesSession session, string folder, CancellationToken cancellationToken)
    {
        var path = await DemoWarehouse.CreateAsync(folder, DateTimeOffset.UtcNow, cancellationToken);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["provider"] = SqlConnections.Sqlite,
            ["connection"] = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString(),
            ["query"] = DemoWarehouse.Query,
            ["object"] = "signups",
        };
        var definition = new SyncDefinition(Name, new SourceSettings("sql", settings), "signups", "id")
        {
            Kind = EntityKind.Person,
            SourceName = "product",
            TimestampField = "updated_at",
            Schedule = SyncSchedule.WarehouseIncremental,
        };
        definition = await SyncCalls.SaveAsync(session, definition, cancellationToken);
        var first = await SyncCalls.RunAsync(context, session, definition, mode: null, cancellationToken);
        await DemoWarehouse.ChangeAsync(path, DateTimeOffset.UtcNow, cancellationToken);
        var second = await SyncCalls.RunAsync(context, session, definition, mode: null, cancellationToken);
        var history = await session.Syncs.ListRunsAsync(Name, cancellationToken: cancellationToken);
        return new DemoSync(definition, path, first, second, history);
    }
}
