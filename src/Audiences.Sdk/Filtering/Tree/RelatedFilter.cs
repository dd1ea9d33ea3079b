namespace Audiences.Sdk.Filtering;

/// <summary>
/// A condition on a profile's related records, through a quantifier:
/// <c>opportunities.any(stage = "Closed Won" and amount &gt; 50000)</c>.
/// </summary>
public sealed record RelatedFilter : Filter
{
    /// <summary>Creates a related-record filter.</summary>
    /// <param name="collection">The related collection, e.g. <c>opportunities</c>.</param>
    /// <param name="quantifier">Any, all or none.</param>
    /// <param name="filter">The filter each related record is tested with; its fields are the related record's fields.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="collection"/> is not a valid name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantifier"/> is not defined.</exception>
    public RelatedFilter(string collection, Quantifier quantifier, Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!FieldPath.IsName(collection))
        {
            throw new ArgumentException($"'{collection}' is not a valid collection name: use letters, digits and underscores, starting with a letter.", nameof(collection));
        }

        if (!Enum.IsDefined(quantifier))
        {
            throw new ArgumentOutOfRangeException(nameof(quantifier), quantifier, "Use Any, All or None.");
        }

        Collection = collection;
        Quantifier = quantifier;
        Filter = filter;
    }

    /// <summary>The related collection, e.g. <c>opportunities</c> (a <see cref="Profiles.RelatedRecord.Type"/>).</summary>
    public string Collection { get; }

    /// <summary>How matching related records are counted.</summary>
    public Quantifier Quantifier { get; }

    /// <summary>The filter applied to each related record.</summary>
    public Filter Filter { get; }
}
