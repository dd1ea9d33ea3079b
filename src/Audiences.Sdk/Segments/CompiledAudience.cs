using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.Segments;

/// <summary>An audience with its criteria bound to the catalog, and what evaluating them needs beyond the profile itself.</summary>
internal sealed class CompiledAudience
{
    public CompiledAudience(Audience audience, BoundFilter filter)
    {
        Audience = audience;
        Filter = filter;
    }

    public Audience Audience { get; }

    public BoundFilter Filter { get; }

    /// <summary>Whether a condition reads a linked entity (<c>company.x</c>): a person's company must be fetched.</summary>
    public bool ReadsCompany => Filter.ReadsLinkedEntity;

    /// <summary>Whether a quantifier reads related records: they must be fetched.</summary>
    public bool ReadsRelated => Filter.ReadsRelatedRecords;

    /// <summary>Whether a condition is relative to now: membership can change with the passing of time alone.</summary>
    public bool ReadsClock => Filter.ReadsClock;
}
