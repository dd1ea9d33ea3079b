using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// A profile that changed after a given change version: either its live state, or the fact that it
/// was retired (merged into another profile) and no longer exists under its id.
/// </summary>
/// <param name="Id">The profile's id.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="Version">The change version of the last change: the profile's version, or the version of the merge that retired it.</param>
/// <param name="Profile">The live profile, or null when the id was retired.</param>
public sealed record ProfileChange(ProfileId Id, EntityKind Kind, long Version, Profile? Profile)
{
    /// <summary>Whether the id was merged away and no longer names a live profile.</summary>
    public bool IsRetired => Profile is null;
}
