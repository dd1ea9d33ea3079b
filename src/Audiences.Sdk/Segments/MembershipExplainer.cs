using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// Evaluates bound criteria node by node and keeps every node's outcome. It follows the reference
/// <see cref="FilterEvaluator"/> exactly (conditions through <see cref="FilterSemantics"/>), so the root's
/// outcome is the evaluator's answer.
/// </summary>
internal static class MembershipExplainer
{
    public static FilterOutcome Explain(Filter filter, IFilterRecord record, DateTimeOffset now)
    {
        switch (filter)
        {
            case Condition condition:
                var value = condition.Field.Entity is { } entity
                    ? record.GetLinked(entity)?.GetValue(condition.Field.Field) ?? FieldValue.Empty
                    : record.GetValue(condition.Field.Field);
                return new FilterOutcome(condition.ToString(), FilterSemantics.Test(condition, value, now), []) { Actual = value };

            case FilterGroup group:
                var parts = group.Filters.Select(f => Explain(f, record, now)).ToArray();
                var held = group.Operator == LogicalOperator.And ? parts.All(p => p.Held) : parts.Any(p => p.Held);
                return new FilterOutcome(group.ToString(), held, parts);

            case NotFilter not:
                var operand = Explain(not.Operand, record, now);
                return new FilterOutcome(not.ToString(), !operand.Held, [operand]);

            case RelatedFilter related:
                var perRecord = record.GetRelated(related.Collection).Select(r => Explain(related.Filter, r, now)).ToArray();
                var result = related.Quantifier switch
                {
                    Quantifier.Any => perRecord.Any(p => p.Held),
                    Quantifier.All => perRecord.All(p => p.Held),
                    _ => !perRecord.Any(p => p.Held),
                };
                return new FilterOutcome(related.ToString(), result, perRecord);

            default:
                throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter));
        }
    }
}
