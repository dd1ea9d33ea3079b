using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// Reads a stored source record's fingerprint, the live profile that holds it, that profile's kind and how many
/// records it holds, in one statement: the source-key index, then the profile and its records by id.
/// </summary>
internal sealed class FingerprintQuery(CommandSet commands)
{
    private RawStatement? _statement;

    /// <summary>The fingerprint and its holder, or null when the key is not held by a live profile or has no fingerprint.</summary>
    public StoredFingerprint? Find(SourceRecordKey key)
    {
        // A record's profile_id names a live profile: a merge or a split moves the records it affects. A row
        // that says otherwise (no profile, no fingerprint) is left to the full path, which resolves it.
        _statement ??= commands.PrepareRaw("""
            SELECT s.fingerprint, s.profile_id, p.kind,
                (SELECT count(*) FROM source_records c WHERE c.profile_id = s.profile_id)
            FROM source_records s JOIN profiles p ON p.id = s.profile_id
            WHERE s.source = ?1 AND s.object = ?2 AND s.external_id = ?3 AND s.fingerprint IS NOT NULL
            """);
        _statement.Bind(1, key.Source);
        _statement.Bind(2, key.ObjectName);
        _statement.Bind(3, key.ExternalId);
        try
        {
            if (!_statement.Read())
            {
                return null;
            }

            var fingerprint = _statement.GetBlob(0);
            return fingerprint.Length != SourceRecordFingerprint.Size
                ? null
                : new StoredFingerprint(
                    new ProfileId(_statement.GetInt64(1)),
                    (EntityKind)_statement.GetInt64(2),
                    (int)Math.Min(_statement.GetInt64(3), int.MaxValue),
                    SourceRecordFingerprint.Read(fingerprint));
        }
        finally
        {
            _statement.Reset();
        }
    }
}
