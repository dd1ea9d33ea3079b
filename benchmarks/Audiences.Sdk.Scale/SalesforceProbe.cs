using System.Diagnostics;
using System.Globalization;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.Csv;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Salesforce;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Fakes.Salesforce;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Scale;

/// <summary>
/// The <c>--salesforce N</c> run: N generated contacts in the Salesforce fake (started in this process), imported into
/// the SQLite store by a sync through the Salesforce source — a full run, then an incremental run with nothing
/// changed — beside two references measured in the same run: the import of the same contacts from a CSV file
/// (<c>ImportCsvAsync</c>, the same store, the same fields), and the connector's read alone, into no store.
/// </summary>
/// <remarks>
/// The fake finishes a query job after a fixed number of polls, so the polls are 1 ms apart here: a real org takes
/// seconds to minutes to run the job, which this run does not model.
/// </remarks>
internal static class SalesforceProbe
{
    private const string SyncName = "salesforce-contacts";
    private static readonly DateTimeOffset FirstStamp = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] QueryEndpoints = [SalesforceFakeEndpoints.QueryCreate, SalesforceFakeEndpoints.QueryPoll, SalesforceFakeEndpoints.QueryResults];

    public static async Task RunAsync(ScaleOptions options, TextWriter output, TextWriter log)
    {
        var rows = options.SalesforceRows ?? throw new ArgumentException("--salesforce needs a number of contacts.", nameof(options));
        using var workspace = new Workspace(options.WorkDirectory);
        await using var fake = await SalesforceFake.StartAsync();
        log.WriteLine($"Seeding the fake org with {rows:N0} contacts...");
        var seeding = Stopwatch.StartNew();
        for (var row = 0; row < rows; row++)
        {
            fake.Put("Contact", SalesforceContacts.Id(row), SalesforceContacts.Values(row), SalesforceContacts.Stamp(row, FirstStamp));
        }

        log.WriteLine($"Seeded in {seeding.Elapsed.TotalSeconds:0.00} s.");
        using var bytes = new ByteCountingHandler();
        var salesforce = new SalesforceOptions
        {
            Handler = bytes,
            PollInterval = TimeSpan.FromMilliseconds(1),
            MaxPollInterval = TimeSpan.FromMilliseconds(1),
        };

        log.WriteLine("Reference: the same contacts from a CSV file...");
        var csv = workspace.PathOf("contacts.csv");
        var csvBytes = SalesforceContacts.WriteCsv(csv, rows, FirstStamp);
        Measurement csvImport;
        await using (var plain = BenchStore.Create(StoreKind.Sqlite, workspace.PathOf("csv.db"), b => b.Configure(o => o.ImportBatchSize = options.EffectiveBatchSize)))
        {
            csvImport = await Measurement.RunAsync("ImportCsvAsync, the same contacts (reference)", rows, () => ImportCsvAsync(plain, csv, rows));
        }

        log.WriteLine("Reference: the connector's read alone...");
        var figures = new List<Figure> { new(csvImport, rows, null, csvBytes) };
        var source = new SalesforceSourceFactory(Options.Create(salesforce)).Create(new SourceSettings(SalesforceSourceFactory.SourceType, Settings(fake)));
        figures.Add(await MeasureAsync(fake, bytes, "connector read alone, no store", rows, () => ReadAllAsync(source, rows, options.EffectiveBatchSize)));

        await using var store = BenchStore.Create(
            StoreKind.Sqlite,
            workspace.PathOf("salesforce.db"),
            b => b.AddSalesforceSource(o =>
            {
                o.Handler = salesforce.Handler;
                o.PollInterval = salesforce.PollInterval;
                o.MaxPollInterval = salesforce.MaxPollInterval;
            }).Configure(o => o.ImportBatchSize = options.EffectiveBatchSize));
        var syncs = store.Syncs;
        await syncs.SaveAsync(Definition(fake));
        log.WriteLine("Sync, full run...");
        figures.Add(await MeasureSyncAsync(fake, bytes, syncs, "sync, full run", SourceReadMode.Full));
        log.WriteLine("Sync, incremental run...");
        figures.Add(await MeasureSyncAsync(fake, bytes, syncs, "sync, incremental run, nothing changed", null));
        var profiles = await store.Service.CountAsync(EntityKind.Person);
        if (profiles != rows)
        {
            throw new InvalidOperationException($"The store holds {profiles:N0} people after the sync of {rows:N0} contacts.");
        }

        Write(output, options, rows, fake.PollsToComplete, figures);
    }

    private static void Write(TextWriter output, ScaleOptions options, int rows, int polls, List<Figure> figures)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"## Importing {rows:N0} Salesforce contacts from the fake org into SQLite (result pages of {options.EffectiveBatchSize:N0}, jobs done after {polls} polls)"));
        output.WriteLine();
        output.WriteLine("| run | records | API calls: create / poll / results | bytes received | seconds | records/s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var figure in figures)
        {
            var m = figure.Measurement;
            var calls = figure.Calls is { } k ? string.Join(" / ", QueryEndpoints.Select(e => k[e].ToString(c))) : "–";
            var received = figure.Calls is null ? string.Create(c, $"{Megabytes(figure.Bytes)} (the file)") : Megabytes(figure.Bytes);
            var rate = figure.Records == 0 ? "–" : (figure.Records / m.Elapsed.TotalSeconds).ToString("N0", c);
            output.WriteLine(string.Create(c, $"| {m.Name} | {figure.Records:N0} | {calls} | {received} | {m.Elapsed.TotalSeconds:0.00} | {rate} |"));
        }

        var (reference, read, full) = (figures[0].Measurement, figures[1].Measurement, figures[2].Measurement);
        output.WriteLine();
        output.WriteLine(string.Create(c, $"- full run ÷ CSV import of the same contacts: {full.Elapsed / reference.Elapsed:0.00}×"));
        output.WriteLine(string.Create(c, $"- the connector's read alone is {read.Elapsed / full.Elapsed:P0} of the full run"));
        output.WriteLine(string.Create(c, $"- full run: {figures[2].Bytes / (double)rows:N0} bytes received per contact, {full.AllocatedPerRecord:N0} bytes allocated per contact"));
    }

    private static string Megabytes(long bytes) =>
        bytes >= 1_000_000 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000_000.0:N1} MB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_000.0:N1} kB");

    private static async Task<Figure> MeasureAsync(SalesforceFake fake, ByteCountingHandler bytes, string name, long records, Func<Task> action)
    {
        var before = Calls(fake);
        bytes.Reset();
        var measurement = await Measurement.RunAsync(name, Math.Max(1, records), action);
        var after = Calls(fake);
        return new Figure(measurement, records, QueryEndpoints.ToDictionary(e => e, e => after[e] - before[e]), bytes.Bytes);
    }

    private static async Task<Figure> MeasureSyncAsync(SalesforceFake fake, ByteCountingHandler bytes, ISyncService syncs, string name, SourceReadMode? mode)
    {
        SyncRun run = null!;
        var figure = await MeasureAsync(fake, bytes, name, 0, async () => run = await syncs.RunAsync(SyncName, mode));
        if (run.Status != SyncRunStatus.Succeeded || run.Rejected > 0)
        {
            throw new InvalidOperationException($"The sync run '{name}' did not succeed whole: {run.Status}, {run.Rejected} rejected; {run.Failure}");
        }

        return figure with { Records = run.Read, Measurement = figure.Measurement with { Rows = Math.Max(1, run.Read) } };
    }

    private static Dictionary<string, int> Calls(SalesforceFake fake) => QueryEndpoints.ToDictionary(e => e, fake.Calls);

    private static async Task ReadAllAsync(ISource source, int expected, int batchSize)
    {
        long read = 0;
        await foreach (var batch in source.ReadAsync(new SourceReadRequest("Contact", SourceReadMode.Full, "Id") { BatchSize = batchSize }))
        {
            read += batch.Items.Count;
        }

        if (read != expected)
        {
            throw new InvalidOperationException($"The connector read {read:N0} contacts of {expected:N0}.");
        }
    }

    private static async Task ImportCsvAsync(BenchStore store, string path, int expected)
    {
        var result = await store.Service.ImportCsvAsync(
            new CsvSourceOptions(path, EntityKind.Person)
            {
                SourceName = "salesforce",
                ObjectName = "Contact",
                IdColumn = "Id",
                SourceKind = SourceKind.Crm,
                KnownFieldTypes = CsvTypes,
            },
            new ImportOptions(EntityKind.Person));
        if (result.Rejected > 0 || result.Created != expected)
        {
            throw new InvalidOperationException($"The CSV import created {result.Created:N0} of {expected:N0} and rejected {result.Rejected:N0}.");
        }
    }

    // Given up front, as the sync's source describes them, so the CSV source does not read the file twice to infer them.
    private static Dictionary<string, FieldType> CsvTypes { get; } = new(StringComparer.Ordinal)
    {
        ["first_name"] = FieldType.Text,
        ["last_name"] = FieldType.Text,
        ["email"] = FieldType.Text,
        ["title"] = FieldType.Text,
        ["phone"] = FieldType.Text,
        ["AccountId"] = FieldType.Text,
        ["score_c"] = FieldType.Text,
        ["SystemModstamp"] = FieldType.DateTime,
    };

    private static Dictionary<string, string> Settings(SalesforceFake fake) => new()
    {
        ["instance-url"] = fake.InstanceUrl.ToString(),
        ["token"] = fake.AccessToken,
        ["object"] = "Contact",
        ["fields"] = SalesforceContacts.Fields,
    };

    private static SyncDefinition Definition(SalesforceFake fake) =>
        new(SyncName, new SourceSettings(SalesforceSourceFactory.SourceType, Settings(fake)), "Contact", "Id")
        {
            TimestampField = "SystemModstamp",
            SourceName = "salesforce",
            SourceKind = SourceKind.Crm,
        };

    private sealed record Figure(Measurement Measurement, long Records, Dictionary<string, int>? Calls, long Bytes);
}
