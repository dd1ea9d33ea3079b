using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>Why a record is in or out of an audience: the outcome of every condition of the criteria, evaluated now.</summary>
/// <param name="AudienceId">The audience.</param>
/// <param name="ProfileId">The record (a merged id explains its survivor).</param>
/// <param name="Matches">Whether the record matches the criteria now.</param>
/// <param name="State">Its stored membership: active, archived, or null when it is not a member (it may differ from <paramref name="Matches"/> until the next refresh).</param>
/// <param name="Outcome">The outcome of the criteria's root node, with every part below it.</param>
public sealed record MembershipExplanation(long AudienceId, ProfileId ProfileId, bool Matches, MemberState? State, FilterOutcome Outcome)
{
    /// <summary>The conditions that held.</summary>
    public IReadOnlyList<FilterOutcome> Held => [.. Outcome.Conditions().Where(c => c.Held)];

    /// <summary>The conditions that failed.</summary>
    public IReadOnlyList<FilterOutcome> Failed => [.. Outcome.Conditions().Where(c => !c.Held)];
}
