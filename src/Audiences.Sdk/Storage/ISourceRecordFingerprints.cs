using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// What a write session may offer besides <see cref="IProfileWriteSession"/>: the fingerprint of a stored source
/// record and who holds it, so an import can tell that an incoming record changes nothing without loading the
/// profile that holds it.
/// </summary>
/// <remarks>
/// Optional: the import uses it only when the session it was given implements it (a decorator hides it, and the
/// import then loads the profile as before), and an answer never changes an import's outcome, only its cost.
/// Reads see the session's own writes. Every implementation must pass <c>SourceRecordFingerprintsSpecification</c>
/// in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface ISourceRecordFingerprints
{
    /// <summary>
    /// The fingerprint of the stored source record with this key, with the live profile that holds it; null when
    /// no live profile holds the key, or when the store cannot vouch for a fingerprint (a record stored before it
    /// kept them).
    /// </summary>
    /// <param name="key">The source record's key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<StoredFingerprint?> FindFingerprintAsync(SourceRecordKey key, CancellationToken cancellationToken = default);
}
