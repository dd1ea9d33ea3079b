using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>One page of an audience's records, in id order.</summary>
/// <param name="Profiles">The records of the page.</param>
/// <param name="Next">The cursor for the next page (the last id of this one), or null when this is the last page.</param>
public sealed record MemberPage(IReadOnlyList<Profile> Profiles, ProfileId? Next);
