namespace Audiences.Sdk.Segments;

/// <summary>How a profile that matches an audience's criteria belongs to it.</summary>
public enum MemberState
{
    /// <summary>In the active set: counted, listed and passed to downstream actions.</summary>
    Active = 0,

    /// <summary>Archived: still matching and tracked, but not counted, not listed as a member and not passed on.</summary>
    Archived = 1,
}
