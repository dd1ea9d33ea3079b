using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// One entry of the membership change feed. Applying the feed in sequence order and keeping the
/// profiles whose last change has <see cref="Active"/> set gives each audience's active set.
/// </summary>
/// <param name="Sequence">The position in the feed; strictly increasing, and the checkpoint to read on from.</param>
/// <param name="AudienceId">The audience.</param>
/// <param name="ProfileId">The profile.</param>
/// <param name="Kind">Entered, exited, archived or restored.</param>
/// <param name="At">When the change was recorded (from the service's <see cref="TimeProvider"/>).</param>
/// <param name="ProfileVersion">The profile's change version that caused it (for an exit by merge, the merge's version).</param>
/// <param name="Active">Whether the profile is in the audience's active set after the change.</param>
public sealed record MembershipChange(
    long Sequence,
    long AudienceId,
    ProfileId ProfileId,
    MembershipChangeKind Kind,
    DateTimeOffset At,
    long ProfileVersion,
    bool Active);
