namespace Audiences.Sdk.Sources;

/// <summary>Records read together, and where to resume once they are stored.</summary>
/// <param name="Items">The records of the batch, in read order.</param>
/// <param name="Cursor">The cursor to resume after this batch (opaque to everything but the source), or null when the source keeps none.</param>
public sealed record SourceBatch(IReadOnlyList<SourceItem> Items, string? Cursor)
{
    /// <summary>External ids the source reports deleted since the cursor (a deleted flag, a soft-delete column).</summary>
    public IReadOnlyList<string> Deleted { get; init; } = [];
}
