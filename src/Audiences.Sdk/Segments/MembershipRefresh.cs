namespace Audiences.Sdk.Segments;

/// <summary>What a membership refresh or an evaluation did.</summary>
/// <param name="FromVersion">The profile change version processed before (exclusive).</param>
/// <param name="ToVersion">The profile change version membership is now up to.</param>
/// <param name="ProfilesRead">The changed (or, for a full evaluation, scanned matching) profiles read.</param>
/// <param name="Evaluations">The filter evaluations run on changed profiles (one per profile and audience of its kind).</param>
/// <param name="Entered">The memberships that began.</param>
/// <param name="Exited">The memberships that ended.</param>
/// <param name="FullEvaluations">The audiences evaluated over all profiles (criteria relative to now at every refresh; after a company change, criteria that read the company).</param>
public sealed record MembershipRefresh(long FromVersion, long ToVersion, long ProfilesRead, long Evaluations, long Entered, long Exited, int FullEvaluations);
