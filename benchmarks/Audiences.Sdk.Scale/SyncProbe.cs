using System.Globalization;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Warehouse;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The <c>--sync N</c> run: N generated people in a SQLite "warehouse" table, synced into the SQLite store through the
/// SQL source — a first run that reads everything, a run after 1% of the rows changed, a run after nothing changed,
/// and a full run that also looks for deleted rows — beside the plain import of the same records into a fresh store,
/// measured in the same run.
/// </summary>
internal static class SyncProbe
{
    public static async Task RunAsync(ScaleOptions options, TextWriter output, TextWriter log)
    {
        using var workspace = new Workspace(options.WorkDirectory);
        log.WriteLine($"Generating {options.Rows:N0} people...");
        var people = PersonGenerator.GenerateArray(options.Rows, options.Seed);
        var warehouse = workspace.PathOf("warehouse.db");
        var now = DateTimeOffset.UtcNow;
        WarehouseTable.Create(warehouse, people, now.AddSeconds(-options.Rows).AddDays(-1));

        log.WriteLine("Reference: the plain import of the same records...");
        Measurement reference;
        await using (var plain = BenchStore.Create(StoreKind.Sqlite, workspace.PathOf("import.db"), b => b.Configure(o => o.ImportBatchSize = options.EffectiveBatchSize)))
        {
            reference = await Measurement.RunAsync("import (reference)", people.Length, () => ImportRunner.ImportAsync(plain, people, options.BatchSize));
        }

        await using var store = BenchStore.Create(
            StoreKind.Sqlite,
            workspace.PathOf("sync.db"),
            b => b.AddSqlSource(o => o.Providers["sqlite"] = SqliteFactory.Instance).Configure(o => o.ImportBatchSize = options.EffectiveBatchSize));
        var syncs = store.Syncs;
        await syncs.SaveAsync(Definition(warehouse));

        var rows = new List<(Measurement Measurement, SyncRun Run)>();
        log.WriteLine("First sync run...");
        rows.Add(await RunAsync(syncs, "first run (reads every row)", null));
        var changed = WarehouseTable.Touch(warehouse, every: 100, at: now.AddMinutes(-30));
        log.WriteLine($"Changed {changed:N0} rows; second run...");
        rows.Add(await RunAsync(syncs, "after 1% of the rows changed", null));
        rows.Add(await RunAsync(syncs, "after nothing changed", null));
        log.WriteLine("Full run...");
        rows.Add(await RunAsync(syncs, "full read (finds deleted rows)", SourceReadMode.Full));

        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"## Syncing {options.Rows:N0} warehouse rows into SQLite (batches of {options.EffectiveBatchSize:N0})"));
        output.WriteLine();
        output.WriteLine("| run | rows read | created | updated | unchanged | seconds | rows read/s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(c, $"| {reference.Name} | {reference.Rows:N0} | | | | {reference.Elapsed.TotalSeconds:0.00} | {reference.RecordsPerSecond:N0} |"));
        foreach (var (measurement, run) in rows)
        {
            var rate = run.Read == 0 ? "–" : (run.Read / measurement.Elapsed.TotalSeconds).ToString("N0", c);
            output.WriteLine(string.Create(c,
                $"| {measurement.Name} | {run.Read:N0} | {run.Created:N0} | {run.Updated:N0} | {run.Unchanged:N0} | {measurement.Elapsed.TotalSeconds:0.00} | {rate} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(c, $"- first run ÷ plain import of the same records: {rows[0].Measurement.Elapsed / reference.Elapsed:0.00}×"));
    }

    private static async Task<(Measurement, SyncRun)> RunAsync(ISyncService syncs, string name, SourceReadMode? mode)
    {
        SyncRun run = null!;
        var measurement = await Measurement.RunAsync(name, 1, async () => run = await syncs.RunAsync("warehouse-people", mode));
        if (run.Status != SyncRunStatus.Succeeded || run.Rejected > 0)
        {
            throw new InvalidOperationException($"The sync run '{name}' did not succeed whole: {run.Status}, {run.Rejected} rejected; {run.Failure}");
        }

        return (measurement, run);
    }

    private static SyncDefinition Definition(string warehouse) =>
        new("warehouse-people",
            new SourceSettings(SqlSourceFactory.SourceType, new Dictionary<string, string>
            {
                ["provider"] = "sqlite",
                ["connection"] = $"Data Source={warehouse};Pooling=False",
                ["query"] = WarehouseTable.Query,
                ["object"] = PersonGenerator.ObjectName,
            }),
            PersonGenerator.ObjectName,
            "id")
        {
            TimestampField = "updated_at",
            SourceName = PersonGenerator.SourceName,
            SourceKind = SourceKind.Warehouse,
        };
}
