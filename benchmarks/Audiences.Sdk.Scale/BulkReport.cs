namespace Audiences.Sdk.Scale;

/// <summary>Everything one bulk run measured, for <see cref="BulkMarkdown"/>.</summary>
internal sealed record BulkReport
{
    public required BulkWorkloadFile File { get; init; }

    public required int Seed { get; init; }

    public required string SqliteCliVersion { get; init; }

    /// <summary><c>sqlite3 .import</c> of the file into a fresh database: the reference of the SQLite import.</summary>
    public required TimeSpan CliImport { get; init; }

    public required long CliDatabaseBytes { get; init; }

    public required SqliteBulkFigures Sqlite { get; init; }

    public required long WideRows { get; init; }

    public required long WideDatabaseBytes { get; init; }

    public required string WidePlan { get; init; }

    /// <summary>The filtered count over the wide table: the reference of the SQLite store's count.</summary>
    public required CountFigure WideCount { get; init; }

    public required CountFigure WideScan { get; init; }

    public required InMemoryBulkFigures InMemory { get; init; }

    /// <summary>The filtered count in DuckDB: the reference of the in-memory store's count.</summary>
    public required CountFigure DuckDbCount { get; init; }

    public double CliRowsPerSecond => File.Rows / CliImport.TotalSeconds;
}
