namespace Audiences.Sdk.Segments;

/// <summary>What happened to a profile's membership.</summary>
public enum MembershipChangeKind
{
    /// <summary>The profile started to match the audience's criteria.</summary>
    Entered = 0,

    /// <summary>The profile stopped matching (changed, merged away, the criteria changed, or the audience was deleted).</summary>
    Exited = 1,

    /// <summary>The profile was archived: taken out of the active set while it still matches.</summary>
    Archived = 2,

    /// <summary>An archived profile was restored to the active set.</summary>
    Restored = 3,
}
