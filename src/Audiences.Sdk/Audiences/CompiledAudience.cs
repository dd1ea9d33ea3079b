using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.Audiences;

/// <summary>An audience with its criteria bound to the catalog, and what evaluating them needs beyond the profile itself.</summary>
internal sealed class CompiledAudience
{
    public CompiledAudience(Audience audience, BoundFilter filter)
    {
        Audience = audience;
        Filter = filter;
        ReadsCompany = Reads(filter.Filter, static f => f is Condition { Field.Entity: not null });
        ReadsRelated = Reads(filter.Filter, static f => f is RelatedFilter);
    }

    public Audience Audience { get; }

    public BoundFilter Filter { get; }

    /// <summary>Whether a condition reads a linked entity (<c>company.x</c>): a person's company must be fetched.</summary>
    public bool ReadsCompany { get; }

    /// <summary>Whether a quantifier reads related records: they must be fetched.</summary>
    public bool ReadsRelated { get; }

    private static bool Reads(Filter filter, Func<Filter, bool> test) => test(filter) || filter switch
    {
        FilterGroup group => group.Filters.Any(f => Reads(f, test)),
        NotFilter not => Reads(not.Operand, test),
        RelatedFilter related => Reads(related.Filter, test),
        _ => false,
    };
}
