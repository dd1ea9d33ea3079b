namespace Audiences.Sdk.Import;

/// <summary>Counts of an import so far, reported after each committed batch.</summary>
/// <param name="Batches">Batches committed.</param>
/// <param name="Read">Rows read.</param>
/// <param name="Created">Profiles created.</param>
/// <param name="Updated">Existing profiles changed.</param>
/// <param name="Merged">Profiles merged into older ones.</param>
/// <param name="Rejected">Rows rejected.</param>
public readonly record struct ImportProgress(long Batches, long Read, long Created, long Updated, long Merged, long Rejected);
