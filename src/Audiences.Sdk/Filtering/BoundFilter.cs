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
    }

    /// <summary>The checked tree, its literals converted to the fields' types.</summary>
    public Filter Filter { get; }

    /// <summary>The entity kind the filter selects.</summary>
    public EntityKind Kind { get; }

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

    /// <summary>The filter in the text syntax.</summary>
    public override string ToString() => Filter.ToString();
}
