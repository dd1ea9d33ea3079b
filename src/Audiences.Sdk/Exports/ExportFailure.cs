using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports;

/// <summary>A record whose last write failed: why, how often, and when it is tried again.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Key">Its key in the destination; null when it has none.</param>
/// <param name="Reason">The destination's reason for the last failure.</param>
/// <param name="Attempts">How many times its write was tried.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="RetryAt">When it is tried again; null when the export gave up on it (until the record changes).</param>
public sealed record ExportFailure(ProfileId Profile, string? Key, string Reason, int Attempts, DateTimeOffset LastAttemptAt, DateTimeOffset? RetryAt)
{
    /// <summary>Whether the export gave up on the record.</summary>
    public bool GaveUp => RetryAt is null;
}
