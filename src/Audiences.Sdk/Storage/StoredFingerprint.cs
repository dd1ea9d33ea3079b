using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>A stored source record's fingerprint and the live profile that holds the record.</summary>
/// <param name="Owner">The live profile holding the record.</param>
/// <param name="OwnerKind">That profile's kind.</param>
/// <param name="OwnerRecords">How many source records that profile holds.</param>
/// <param name="Fingerprint"><see cref="SourceRecordFingerprint.Of(StoredSourceRecord)"/> of the stored record.</param>
public readonly record struct StoredFingerprint(ProfileId Owner, EntityKind OwnerKind, int OwnerRecords, SourceRecordFingerprint Fingerprint);
