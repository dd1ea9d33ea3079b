using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// Fingerprints of the session's source records. A profile here is an object already in memory, so the record's
/// fingerprint is computed from it when asked rather than kept beside it: the lookup costs no more than the owner
/// lookup the import makes anyway, and nothing has to stay in step with later writes.
/// </summary>
internal sealed partial class InMemoryWriteSession : ISourceRecordFingerprints
{
    public ValueTask<StoredFingerprint?> FindFingerprintAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        if (!_sourceOwners.TryGetValue(key, out var owner))
        {
            owner = store.CommittedSourceOwner(key);
            if (owner == 0)
            {
                return ValueTask.FromResult<StoredFingerprint?>(null);
            }
        }

        if (Load(Resolve(owner)) is not { } profile)
        {
            return ValueTask.FromResult<StoredFingerprint?>(null);
        }

        foreach (var source in profile.Sources)
        {
            if (source.Record.Key == key)
            {
                return ValueTask.FromResult<StoredFingerprint?>(
                    new StoredFingerprint(profile.Id, profile.Kind, profile.Sources.Count, SourceRecordFingerprint.Of(source)));
            }
        }

        return ValueTask.FromResult<StoredFingerprint?>(null);
    }
}
