namespace Audiences.Sdk.Csv;

/// <summary>What a <see cref="CsvFileDestination"/> writes to: a CSV file kept as a table keyed by one column.</summary>
/// <param name="Path">The file; it need not exist yet.</param>
/// <param name="KeyColumn">The column records are found by.</param>
public sealed record CsvFileDestinationOptions(string Path, string KeyColumn)
{
    /// <summary>
    /// The columns of a new file (the key column first when they leave it out); null when the file exists, whose
    /// header names its columns (and wins over these).
    /// </summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The most writes one call takes; each call rewrites the file once. Default 5,000.</summary>
    public int MaxBatchSize { get; init; } = 5_000;

    /// <summary>The most keys one read takes. Default 5,000.</summary>
    public int MaxReadSize { get; init; } = 5_000;
}
