using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// A filter checked against a field catalog: every name exists, every operator fits its field's
/// type, every value has its field's type and names are spelt as the catalog spells them. Created
/// by <see cref="FilterBinder"/> and <see cref="FilterParser.Parse(string, EntityKind, IFilterCatalog)"/>.
/// </summary>
public sealed class BoundFilter
{
    private readonly ConditionalWeakTable<Condition, FieldDefinition> _definitions;

    internal BoundFilter(Filter filter, EntityKind kind, ConditionalWeakTable<Condition, FieldDefinition> definitions)
    {
        Filter = filter;
        Kind = kind;
        _definitions = definitions;
        ReadsLinkedEntity = Reads(filter, static f => f is Condition { Field.Entity: not null });
        ReadsRelatedRecords = Reads(filter, static f => f is RelatedFilter);
        ReadsClock = Reads(filter, static f => f is Condition { Duration: not null });
    }

    /// <summary>The checked tree, its literals converted to the fields' types.</summary>
    public Filter Filter { get; }

    /// <summary>The entity kind the filter selects.</summary>
    public EntityKind Kind { get; }

    /// <summary>Whether a condition reads a linked entity's field (<c>company.employee_count</c> from a person): evaluating it needs the linked profile.</summary>
    public bool ReadsLinkedEntity { get; }

    /// <summary>Whether the filter quantifies over related records (<c>opportunities.any(...)</c>): evaluating it needs them.</summary>
    public bool ReadsRelatedRecords { get; }

    /// <summary>
    /// Whether a condition is relative to now (<c>within last 90 days</c>), so that the filter's result can
    /// change as time passes although no profile changes.
    /// </summary>
    public bool ReadsClock { get; }

    /// <summary>The definition of the field a condition of this tree reads (for a store translating the filter).</summary>
    /// <param name="condition">A condition node of <see cref="Filter"/> (the instance, not an equal copy).</param>
    /// <exception cref="ArgumentException">The condition is not a node of this tree.</exception>
    public FieldDefinition GetField(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return _definitions.TryGetValue(condition, out var definition)
            ? definition
            : throw new ArgumentException("The condition is not a node of this bound filter.", nameof(condition));
    }

    /// <summary>A part of this tree (a node, or nodes regrouped) bound with the same definitions, for evaluating it on its own.</summary>
    internal BoundFilter Part(Filter part, EntityKind kind) => new(part, kind, _definitions);

    /// <summary>
    /// A part that reads one linked entity's fields, rebased onto that entity (<c>company.employee_count</c>
    /// becomes <c>employee_count</c> of a company), for evaluating it over the linked profiles.
    /// </summary>
    internal BoundFilter Rebased(Filter part, EntityKind linkedKind)
    {
        var definitions = new ConditionalWeakTable<Condition, FieldDefinition>();
        return new BoundFilter(Rebase(part, definitions), linkedKind, definitions);
    }

    /// <summary>The filter in the text syntax.</summary>
    public override string ToString() => Filter.ToString();

    private Filter Rebase(Filter filter, ConditionalWeakTable<Condition, FieldDefinition> definitions)
    {
        switch (filter)
        {
            case Condition condition:
                var rebased = condition.WithValues(condition.Field.Field, [.. condition.Values]);
                definitions.Add(rebased, GetField(condition));
                return rebased;
            case FilterGroup group:
                return new FilterGroup(group.Operator, group.Filters.Select(f => Rebase(f, definitions)));
            case NotFilter not:
                return new NotFilter(Rebase(not.Operand, definitions));
            default:
                throw new ArgumentException($"Only conditions, groups and NOT can be rebased onto a linked entity, not {filter.GetType().Name}.", nameof(filter));
        }
    }

    private static bool Reads(Filter filter, Func<Filter, bool> test) => test(filter) || filter switch
    {
        FilterGroup group => group.Filters.Any(f => Reads(f, test)),
        NotFilter not => Reads(not.Operand, test),
        RelatedFilter related => Reads(related.Filter, test),
        _ => false,
    };
}
