namespace Audiences.Sdk.Profiles;

/// <summary>Where a pair in the match review queue stands.</summary>
public enum ReviewStatus
{
    /// <summary>Waiting for a person to decide.</summary>
    Pending = 1,

    /// <summary>Accepted: the two profiles were merged.</summary>
    Accepted = 2,

    /// <summary>Rejected: the two records are different entities; probabilistic matching does not propose them again.</summary>
    Rejected = 3,
}
