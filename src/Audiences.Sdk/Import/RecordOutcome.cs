namespace Audiences.Sdk.Import;

/// <summary>What applying one record did to the store.</summary>
internal enum RecordOutcome
{
    Created,
    Updated,
    Unchanged,

    /// <summary>The record's source key already belongs to a profile of the other kind; nothing was written.</summary>
    KindConflict,

    /// <summary>The record names a profile (<see cref="Profiles.SourceRecord.Profile"/>) that never existed or is of the other kind; nothing was written.</summary>
    UnknownProfile,
}
