namespace Audiences.Sdk.Filtering;

/// <summary>
/// A node of the immutable filter tree: a <see cref="Condition"/>, a <see cref="FilterGroup"/>
/// (AND/OR over two or more filters), a <see cref="NotFilter"/>, or a <see cref="RelatedFilter"/>
/// that quantifies over a profile's related records.
/// </summary>
/// <remarks>
/// Filters are records with structural equality, so two trees built the same way, or printed and
/// parsed back, compare equal. <see cref="ToString"/> prints the text syntax (see docs/filters.md);
/// <see cref="FilterParser.Parse(string)"/> reads it back.
/// </remarks>
public abstract record Filter
{
    private protected Filter()
    {
    }

    /// <summary>Combines filters with AND; a single filter is returned as it is.</summary>
    /// <param name="filters">One or more filters.</param>
    /// <exception cref="ArgumentException">No filter is given.</exception>
    public static Filter And(params IEnumerable<Filter> filters) => Combine(LogicalOperator.And, filters);

    /// <summary>Combines filters with OR; a single filter is returned as it is.</summary>
    /// <param name="filters">One or more filters.</param>
    /// <exception cref="ArgumentException">No filter is given.</exception>
    public static Filter Or(params IEnumerable<Filter> filters) => Combine(LogicalOperator.Or, filters);

    /// <summary>Negates a filter.</summary>
    /// <param name="filter">The filter to negate.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    public static Filter Not(Filter filter) => new NotFilter(filter);

    /// <summary>Prints the filter in the text syntax, with the fewest parentheses that keep the tree's shape.</summary>
    public sealed override string ToString() => FilterPrinter.Print(this);

    private static Filter Combine(LogicalOperator op, IEnumerable<Filter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var list = filters.ToArray();
        return list.Length switch
        {
            0 => throw new ArgumentException("Give at least one filter to combine.", nameof(filters)),
            1 => list[0] ?? throw new ArgumentException("A filter to combine is null.", nameof(filters)),
            _ => new FilterGroup(op, list),
        };
    }
}
