namespace Audiences.Sdk.Profiles;

/// <summary>
/// A pair of source records that probabilistic matching scored between "surely the same" and
/// "surely different", queued for a person to accept (merge their profiles) or reject.
/// </summary>
/// <param name="Id">The review's id: the change version it was queued at.</param>
/// <param name="Kind">Person or company.</param>
/// <param name="Left">One record of the pair.</param>
/// <param name="Right">The other record.</param>
/// <param name="MatchProbability">The model's probability that the two are one entity.</param>
/// <param name="MatchWeight">The pair's total match weight (log2 Bayes factor, prior included).</param>
/// <param name="Evidence">Per compared field: the level and the weight it contributed.</param>
/// <param name="FoundAt">When the pair was queued.</param>
public sealed record MatchReview(
    long Id,
    EntityKind Kind,
    SourceRecordKey Left,
    SourceRecordKey Right,
    double MatchProbability,
    double MatchWeight,
    IReadOnlyList<MatchEvidence> Evidence,
    DateTimeOffset FoundAt)
{
    /// <summary>Whether the pair waits for a decision, was accepted or was rejected.</summary>
    public ReviewStatus Status { get; init; } = ReviewStatus.Pending;

    /// <summary>When the pair was decided; null while pending.</summary>
    public DateTimeOffset? DecidedAt { get; init; }
}
