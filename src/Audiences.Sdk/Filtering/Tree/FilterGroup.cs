namespace Audiences.Sdk.Filtering;

/// <summary>A filter group: two or more filters combined with one <see cref="LogicalOperator"/>; groups nest to any depth.</summary>
public sealed record FilterGroup : Filter
{
    private readonly Filter[] _filters;

    /// <summary>Creates a group.</summary>
    /// <param name="operator">AND or OR.</param>
    /// <param name="filters">Two or more filters, kept in order.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filters"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">Fewer than two filters are given (use the filter itself instead of a group of one).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="operator"/> is not AND or OR.</exception>
    public FilterGroup(LogicalOperator @operator, IEnumerable<Filter> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (@operator is not (LogicalOperator.And or LogicalOperator.Or))
        {
            throw new ArgumentOutOfRangeException(nameof(@operator), @operator, "A group combines its filters with And or Or.");
        }

        _filters = filters.ToArray();
        if (_filters.Length < 2)
        {
            throw new ArgumentException("A filter group needs at least two filters; use the single filter itself.", nameof(filters));
        }

        if (Array.IndexOf(_filters, null) >= 0)
        {
            throw new ArgumentNullException(nameof(filters), "A filter group cannot contain a null filter.");
        }

        Operator = @operator;
    }

    /// <summary>How the filters are combined.</summary>
    public LogicalOperator Operator { get; }

    /// <summary>The filters of the group, in order (two or more).</summary>
    public IReadOnlyList<Filter> Filters => _filters;

    /// <inheritdoc />
    public bool Equals(FilterGroup? other) =>
        other is not null && Operator == other.Operator && _filters.AsSpan().SequenceEqual(other._filters);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Operator);
        foreach (var filter in _filters)
        {
            hash.Add(filter);
        }

        return hash.ToHashCode();
    }
}
