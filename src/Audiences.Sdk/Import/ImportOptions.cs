using Audiences.Sdk.Matching.Probabilistic;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Import;

/// <summary>How one import matches and stores its records.</summary>
/// <param name="Kind">The kind of every record in the import; a record of the other kind is rejected.</param>
public sealed record ImportOptions(EntityKind Kind)
{
    /// <summary>
    /// The alias fields to match on (see <see cref="AliasFields"/>); null means
    /// <see cref="AliasFields.DefaultFor"/>. The source record key always matches.
    /// </summary>
    public IReadOnlyList<string>? MatchOn { get; init; }

    /// <summary>Records per atomic batch; null uses <see cref="AudiencesOptions.ImportBatchSize"/>.</summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// Probabilistic matching after the alias matching, for records that share no alias; null (the
    /// default) for none. The model is trained on the stored records of the kind; the records this
    /// import wrote are compared with all of them; pairs at or above
    /// <see cref="ProbabilisticMatchingOptions.MatchThreshold"/> merge, pairs between
    /// <see cref="ProbabilisticMatchingOptions.ReviewThreshold"/> and it are queued for review.
    /// <see cref="ProbabilisticMatchingOptions.ForFields"/> gives sensible comparisons for a field list.
    /// </summary>
    public ProbabilisticMatchingOptions? Fuzzy { get; init; }

    /// <summary>The alias fields in effect.</summary>
    public IReadOnlyList<string> EffectiveMatchOn => MatchOn ?? AliasFields.DefaultFor(Kind);
}
