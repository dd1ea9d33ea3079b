using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// Compiles a bound filter into <see cref="RowFilter"/> nodes once: operands are folded, ranges
/// worked out and each condition reduced to column scans, following <see cref="FilterSemantics"/>
/// case by case (a value of another type than the operand never matches a positive operator).
/// </summary>
internal static class RowFilterCompiler
{
    /// <summary>Compiles a filter whose conditions all read the profile's own fields (see <c>FilterPushdown</c>).</summary>
    public static RowFilter Compile(Filter filter) => filter switch
    {
        Condition condition => new ConditionRowFilter(
            condition.Field.Field, Tests(condition, condition.Operator.Positive()), condition.Operator.IsNegative()),
        FilterGroup group => new GroupRowFilter(group.Operator == LogicalOperator.And, group.Filters.Select(Compile).ToArray()),
        NotFilter not => new NotRowFilter(Compile(not.Operand)),
        _ => throw new NotSupportedException($"The in-memory store cannot evaluate a {filter.GetType().Name} node."),
    };

    private static ValueTest[] Tests(Condition condition, FilterOperator positive)
    {
        var operands = condition.Values;
        return positive switch
        {
            FilterOperator.IsEmpty => [new EmptyTest()],
            FilterOperator.Equal => Points(operands.Take(1)),
            FilterOperator.In => Points(operands),
            FilterOperator.Contains => Text(operands[0], (item, part) => item.Contains(part, StringComparison.Ordinal)),
            FilterOperator.StartsWith => Text(operands[0], (item, part) => item.StartsWith(part, StringComparison.Ordinal)),
            FilterOperator.EndsWith => Text(operands[0], (item, part) => item.EndsWith(part, StringComparison.Ordinal)),
            FilterOperator.LessThan or FilterOperator.Before => Range(operands[0], operands[0], includeLow: false, includeHigh: false, open: Open.Low),
            FilterOperator.LessThanOrEqual => Range(operands[0], operands[0], includeLow: false, includeHigh: true, open: Open.Low),
            FilterOperator.GreaterThan or FilterOperator.After => Range(operands[0], operands[0], includeLow: false, includeHigh: false, open: Open.High),
            FilterOperator.GreaterThanOrEqual => Range(operands[0], operands[0], includeLow: true, includeHigh: false, open: Open.High),
            FilterOperator.Between => Range(operands[0], operands[1], includeLow: true, includeHigh: true, open: Open.None),
            FilterOperator.WithinLast => [new WithinLastTest(condition.Duration!.Value)],
            _ => throw new ArgumentOutOfRangeException(nameof(positive), positive, "Unknown filter operator."),
        };
    }

    private enum Open
    {
        None,
        Low,
        High,
    }

    /// <summary>Equality with any of the operands; the text operands share one dictionary test.</summary>
    private static ValueTest[] Points(IEnumerable<FieldValue> operands)
    {
        var tests = new List<ValueTest>();
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operand in operands)
        {
            switch (operand.Type)
            {
                case FieldType.Text:
                    texts.Add(FilterText.Fold(operand.AsText()));
                    break;
                case FieldType.Number:
                    tests.Add(new NumberRangeTest(operand.AsNumber(), operand.AsNumber()));
                    break;
                case FieldType.Boolean:
                    var flag = operand.AsBoolean() ? 1L : 0L;
                    tests.Add(new LongRangeTest(FieldType.Boolean, flag, flag));
                    break;
                case FieldType.DateTime:
                    var ticks = operand.AsDateTime().UtcTicks;
                    tests.Add(new LongRangeTest(FieldType.DateTime, ticks, ticks));
                    break;
            }
        }

        if (texts.Count > 0)
        {
            tests.Add(new TextTest(texts.Contains));
        }

        return [.. tests];
    }

    private static ValueTest[] Text(FieldValue operand, Func<string, string, bool> test)
    {
        if (operand.Type != FieldType.Text)
        {
            return [];
        }

        var part = FilterText.Fold(operand.AsText());
        return [new TextTest(item => test(item, part))];
    }

    /// <summary>
    /// A range over numbers or date-times. <paramref name="open"/> says which end is unbounded (for
    /// &lt;, &lt;=, &gt;, &gt;=); the other end comes from the operand. Operands of other types, or a
    /// low and high of different types, order nothing: the test matches no row.
    /// </summary>
    private static ValueTest[] Range(FieldValue low, FieldValue high, bool includeLow, bool includeHigh, Open open)
    {
        if (low.Type != high.Type)
        {
            return [];
        }

        switch (low.Type)
        {
            case FieldType.Number:
                var lo = open == Open.Low ? double.NegativeInfinity : includeLow ? low.AsNumber() : Math.BitIncrement(low.AsNumber());
                var hi = open == Open.High ? double.PositiveInfinity : includeHigh ? high.AsNumber() : Math.BitDecrement(high.AsNumber());
                return [new NumberRangeTest(lo, hi)];
            case FieldType.DateTime:
                var from = open == Open.Low ? long.MinValue : includeLow ? low.AsDateTime().UtcTicks : low.AsDateTime().UtcTicks + 1;
                var to = open == Open.High ? long.MaxValue : includeHigh ? high.AsDateTime().UtcTicks : high.AsDateTime().UtcTicks - 1;
                return [new LongRangeTest(FieldType.DateTime, from, to)];
            default:
                return [];
        }
    }
}
