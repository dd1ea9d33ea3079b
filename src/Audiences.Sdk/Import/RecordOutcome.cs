namespace Audiences.Sdk.Import;

/// <summary>What applying one record did to the store.</summary>
internal enum RecordOutcome
{
    Created,
    Updated,
    Unchanged,
}
