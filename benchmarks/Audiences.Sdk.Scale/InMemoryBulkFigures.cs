namespace Audiences.Sdk.Scale;

/// <summary>What the bulk run measured on the in-memory store.</summary>
internal sealed record InMemoryBulkFigures
{
    /// <summary>The workload file through <c>ImportCsvAsync</c> into an empty store (parsing included).</summary>
    public required Measurement FileImport { get; init; }

    /// <summary>Live heap growth from the empty store to the filled one (<c>GC.GetTotalMemory(true)</c> after − before).</summary>
    public required long StoreBytes { get; init; }

    /// <summary>Live heap growth from the empty store to the store after its filtered counts (with what the first filter built).</summary>
    public required long StoreBytesAfterFilter { get; init; }

    /// <summary>Person profiles the store holds.</summary>
    public required long Profiles { get; init; }

    /// <summary>The filtered count; its first call is the first filter after the import (the catch-up).</summary>
    public required CountFigure Count { get; init; }

    /// <summary>The same rows, read from the file beforehand, imported into an empty store: the store's own rate.</summary>
    public required Measurement RowsImport { get; init; }

    public double StoreBytesPerRecord => (double)StoreBytes / FileImport.Rows;

    public double StoreBytesPerProfile => (double)StoreBytes / Profiles;

    public double StoreBytesAfterFilterPerProfile => (double)StoreBytesAfterFilter / Profiles;
}
