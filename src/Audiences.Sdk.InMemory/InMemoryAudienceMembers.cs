using Audiences.Sdk.Segments;

namespace Audiences.Sdk.InMemory;

/// <summary>The members of one audience: a lookup by profile id and, per state, an ordered set for paging.</summary>
internal sealed class InMemoryAudienceMembers
{
    public Dictionary<long, MemberState> States { get; } = [];

    public SortedSet<long> Active { get; } = [];

    public SortedSet<long> Archived { get; } = [];

    public SortedSet<long> Of(MemberState state) => state == MemberState.Active ? Active : Archived;

    public void Set(long profileId, MemberState? state)
    {
        if (States.Remove(profileId, out var old))
        {
            Of(old).Remove(profileId);
        }

        if (state is { } now)
        {
            States[profileId] = now;
            Of(now).Add(profileId);
        }
    }
}
