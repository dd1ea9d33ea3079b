namespace Audiences.Sdk.Sources;

/// <summary>What a source reads: one object, in full or after a cursor, in batches.</summary>
/// <param name="ObjectName">The object to read (see <see cref="ISource.DescribeAsync"/>).</param>
/// <param name="Mode">Everything, or the changes after <see cref="Cursor"/>.</param>
/// <param name="IdField">The field that identifies a record; its value is the record's external id.</param>
public sealed record SourceReadRequest(string ObjectName, SourceReadMode Mode, string IdField)
{
    /// <summary>The cursor of the last batch stored, as the source wrote it; null before the first read.</summary>
    public string? Cursor { get; init; }

    /// <summary>The field that says when a record last changed; required for incremental reads.</summary>
    public string? TimestampField { get; init; }

    /// <summary>The most records per batch (a batch is stored whole, with its cursor). Default 5,000.</summary>
    public int BatchSize { get; init; } = 5_000;
}
