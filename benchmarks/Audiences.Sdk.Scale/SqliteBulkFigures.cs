using Audiences.Sdk.Import;

namespace Audiences.Sdk.Scale;

/// <summary>What the bulk run measured on the SQLite store.</summary>
internal sealed record SqliteBulkFigures
{
    public required Measurement Import { get; init; }

    public required ImportResult ImportResult { get; init; }

    /// <summary>The largest size the write-ahead log reached during the import (sampled every 50 ms and at its end).</summary>
    public required long WalPeakBytes { get; init; }

    public required long WalSamples { get; init; }

    /// <summary>The database file after the store was closed.</summary>
    public required long DatabaseBytes { get; init; }

    /// <summary>A write-ahead log left after the store was closed (0 when none).</summary>
    public required long WalAfterCloseBytes { get; init; }

    /// <summary>Person profiles the store holds after the import.</summary>
    public required long Profiles { get; init; }

    /// <summary>The filtered count through the store, on the store opened again after the import.</summary>
    public required CountFigure Count { get; init; }

    public required Measurement Reimport { get; init; }

    public required ImportResult ReimportResult { get; init; }

    public required long ReimportWalPeakBytes { get; init; }
}
