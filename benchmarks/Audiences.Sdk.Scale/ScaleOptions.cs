using System.Globalization;
using Audiences.Sdk.Benchmarks.Workload;

namespace Audiences.Sdk.Scale;

/// <summary>The command line of the scale run.</summary>
internal sealed record ScaleOptions
{
    public const string Usage = """
        Usage: Audiences.Sdk.Scale [options]
          --rows N            people to import into each store (default 1000000)
          --reimport-rows N   people for the unchanged re-import (default: the smaller of --rows and 100000)
          --stores LIST       comma-separated: inmemory,sqlite (default both)
          --no-csv            skip the CSV parse figures
          --breakdown         also time every store call of one import per store (adds a little overhead)
          --batch-size N      records per import batch (default: the SDK's default, 5000)
          --seed N            generator seed (default 20251129)
          --work-dir PATH     folder for the databases and the CSV file (default: under the program's output folder)
          --fuzzy-dedupe N    instead: deduplicate N generated people with typos and duplicates probabilistically
          --sync              instead: sync --rows people from a SQLite warehouse table into the SQLite store
          --bulk              instead: the bulk import and layout figures over a --rows-row CSV file (5% repeated
                              emails), each beside its reference (sqlite3 .import, a wide table, DuckDB); needs sqlite3
          --salesforce N      instead: import N contacts from the Salesforce fake into the SQLite store by a sync
        """;

    public int Rows { get; init; } = 1_000_000;

    public int? ReimportRows { get; init; }

    public IReadOnlyList<StoreKind> Stores { get; init; } = [StoreKind.InMemory, StoreKind.Sqlite];

    public bool Csv { get; init; } = true;

    public bool Breakdown { get; init; }

    /// <summary>Records per import batch; null keeps the SDK's default.</summary>
    public int? BatchSize { get; init; }

    public int EffectiveBatchSize => BatchSize ?? new AudiencesOptions().ImportBatchSize;

    public int Seed { get; init; } = PersonGenerator.DefaultSeed;

    public string? WorkDirectory { get; init; }

    /// <summary>People for the probabilistic deduplication run; null runs the import figures instead.</summary>
    public int? FuzzyDedupeRows { get; init; }

    /// <summary>Whether to run the warehouse sync figures instead of the import figures.</summary>
    public bool Sync { get; init; }

    /// <summary>Whether to run the bulk import and layout figures instead of the import figures.</summary>
    public bool Bulk { get; init; }
    /// <summary>Contacts for the Salesforce import run; null runs the import figures instead.</summary>
    public int? SalesforceRows { get; init; }

    public int EffectiveReimportRows => ReimportRows ?? Math.Min(Rows, 100_000);

    /// <exception cref="ArgumentException">An option is unknown or its value is missing or invalid; the message says which.</exception>
    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ScaleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--rows" => options with { Rows = Positive(args, ref i) },
                "--reimport-rows" => options with { ReimportRows = Positive(args, ref i) },
                "--stores" => options with { Stores = ParseStores(Value(args, ref i)) },
                "--no-csv" => options with { Csv = false },
                "--breakdown" => options with { Breakdown = true },
                "--batch-size" => options with { BatchSize = Positive(args, ref i) },
                "--seed" => options with { Seed = Positive(args, ref i) },
                "--work-dir" => options with { WorkDirectory = Value(args, ref i) },
                "--fuzzy-dedupe" => options with { FuzzyDedupeRows = Positive(args, ref i) },
                "--sync" => options with { Sync = true },
                "--bulk" => options with { Bulk = true },
                "--salesforce" => options with { SalesforceRows = Positive(args, ref i) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.\n{Usage}");

    private static int Positive(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number, not '{text}'.");
    }

    private static StoreKind[] ParseStores(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<StoreKind>(s, ignoreCase: true, out var kind)
                ? kind
                : throw new ArgumentException($"Unknown store '{s}'; use inmemory or sqlite."))
            .Distinct()
            .ToArray();
}
