using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// The meaning of one condition on one value, written down once; every store must agree with it.
/// </summary>
/// <remarks>
/// Two-valued logic: a positive operator on an empty value is false (only <c>is empty</c> is true),
/// and every negative operator is the exact complement of its positive form, so it is true on an
/// empty value. A list of text matches a text operator when any of its items does. Dates compare as
/// UTC instants, numbers numerically, text through <see cref="FilterText"/>.
/// </remarks>
public static class FilterSemantics
{
    /// <summary>Whether <paramref name="value"/> satisfies <paramref name="condition"/>.</summary>
    /// <param name="condition">A bound condition (its values have the field's type).</param>
    /// <param name="value">The record's value of the condition's field.</param>
    /// <param name="now">The current instant, for <c>within last</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static bool Test(Condition condition, FieldValue value, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var positive = TestPositive(condition, condition.Operator.Positive(), value, now);
        return condition.Operator.IsNegative() ? !positive : positive;
    }

    private static bool TestPositive(Condition condition, FilterOperator op, FieldValue value, DateTimeOffset now)
    {
        if (op == FilterOperator.IsEmpty)
        {
            return value.IsEmpty;
        }

        if (value.IsEmpty)
        {
            return false;
        }

        var operands = condition.Values;
        return op switch
        {
            FilterOperator.Equal => AreEqual(value, operands[0]),
            FilterOperator.In => operands.Any(o => AreEqual(value, o)),
            FilterOperator.Contains => AnyText(value, operands[0], FilterText.Contains),
            FilterOperator.StartsWith => AnyText(value, operands[0], FilterText.StartsWith),
            FilterOperator.EndsWith => AnyText(value, operands[0], FilterText.EndsWith),
            FilterOperator.LessThan or FilterOperator.Before => Order(value, operands[0]) is < 0,
            FilterOperator.LessThanOrEqual => Order(value, operands[0]) is <= 0,
            FilterOperator.GreaterThan or FilterOperator.After => Order(value, operands[0]) is > 0,
            FilterOperator.GreaterThanOrEqual => Order(value, operands[0]) is >= 0,
            FilterOperator.Between => Order(value, operands[0]) is >= 0 && Order(value, operands[1]) is <= 0,
            FilterOperator.WithinLast => value.Type == FieldType.DateTime
                && value.AsDateTime() >= condition.Duration!.Value.Before(now) && value.AsDateTime() <= now,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown filter operator."),
        };
    }

    private static bool AreEqual(FieldValue value, FieldValue operand) => value.Type switch
    {
        FieldType.Text or FieldType.TextList => AnyText(value, operand, FilterText.Equal),
        _ => value.Type == operand.Type && value.Equals(operand),
    };

    private static bool AnyText(FieldValue value, FieldValue operand, Func<string, string, bool> test)
    {
        if (operand.Type != FieldType.Text)
        {
            return false;
        }

        var text = operand.AsText();
        if (value.Type == FieldType.Text)
        {
            return test(value.AsText(), text);
        }

        return value.Type == FieldType.TextList && value.AsList().Any(item => test(item, text));
    }

    /// <summary>The order of two numbers or two date-times; null when they cannot be ordered.</summary>
    private static int? Order(FieldValue value, FieldValue operand) => (value.Type, operand.Type) switch
    {
        (FieldType.Number, FieldType.Number) => value.AsNumber().CompareTo(operand.AsNumber()),
        (FieldType.DateTime, FieldType.DateTime) => value.AsDateTime().CompareTo(operand.AsDateTime()),
        _ => null,
    };
}
