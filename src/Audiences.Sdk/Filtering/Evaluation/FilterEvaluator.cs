namespace Audiences.Sdk.Filtering;

/// <summary>
/// The reference evaluator: decides whether one record matches a bound filter, with the semantics
/// of <see cref="FilterSemantics"/>. Stores evaluate filters where the data lives; their results
/// must equal this evaluator's.
/// </summary>
/// <remarks>Thread-safe. "Now" for <c>within last</c> is read once per call from the <see cref="TimeProvider"/>.</remarks>
public sealed class FilterEvaluator
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="timeProvider">The clock for relative dates.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public FilterEvaluator(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
    }

    /// <summary>Whether <paramref name="record"/> matches <paramref name="filter"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public bool Matches(BoundFilter filter, IFilterRecord record)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(record);
        return Evaluate(filter.Filter, record, _timeProvider.GetUtcNow());
    }

    /// <summary>Evaluates a node of a bound tree at a given "now", so that parts of one evaluation share a clock reading.</summary>
    internal static bool Matches(Filter filter, IFilterRecord record, DateTimeOffset now) => Evaluate(filter, record, now);

    private static bool Evaluate(Filter filter, IFilterRecord record, DateTimeOffset now) => filter switch
    {
        Condition condition => FilterSemantics.Test(condition, Read(record, condition.Field), now),
        FilterGroup { Operator: LogicalOperator.And } group => group.Filters.All(f => Evaluate(f, record, now)),
        FilterGroup group => group.Filters.Any(f => Evaluate(f, record, now)),
        NotFilter not => !Evaluate(not.Operand, record, now),
        RelatedFilter related => EvaluateRelated(related, record, now),
        _ => throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter)),
    };

    private static bool EvaluateRelated(RelatedFilter related, IFilterRecord record, DateTimeOffset now)
    {
        var records = record.GetRelated(related.Collection);
        return related.Quantifier switch
        {
            Quantifier.Any => records.Any(r => Evaluate(related.Filter, r, now)),
            Quantifier.All => records.All(r => Evaluate(related.Filter, r, now)),
            _ => !records.Any(r => Evaluate(related.Filter, r, now)),
        };
    }

    // A missing linked entity reads as empty values: `company.x is empty` is true for a person without a company.
    private static Profiles.FieldValue Read(IFilterRecord record, FieldPath path) => path.Entity is { } entity
        ? record.GetLinked(entity)?.GetValue(path.Field) ?? Profiles.FieldValue.Empty
        : record.GetValue(path.Field);
}
