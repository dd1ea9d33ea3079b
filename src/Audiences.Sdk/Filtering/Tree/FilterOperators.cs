namespace Audiences.Sdk.Filtering;

/// <summary>Facts about each <see cref="FilterOperator"/>: its operands, its text and its positive form.</summary>
public static class FilterOperators
{
    /// <summary>The shape of the operand an operator takes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The operator is not defined.</exception>
    public static OperandShape GetOperandShape(this FilterOperator op) => op switch
    {
        FilterOperator.IsEmpty or FilterOperator.IsNotEmpty => OperandShape.None,
        FilterOperator.In or FilterOperator.NotIn => OperandShape.List,
        FilterOperator.Between => OperandShape.Range,
        FilterOperator.WithinLast or FilterOperator.NotWithinLast => OperandShape.Duration,
        _ when Enum.IsDefined(op) => OperandShape.One,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown filter operator."),
    };

    /// <summary>Whether the operator is the complement of another (<c>!=</c>, <c>not contains</c>, <c>not in</c>, <c>is not empty</c>, <c>not within last</c>).</summary>
    public static bool IsNegative(this FilterOperator op) =>
        op is FilterOperator.NotEqual or FilterOperator.NotContains or FilterOperator.NotIn
            or FilterOperator.IsNotEmpty or FilterOperator.NotWithinLast;

    /// <summary>The positive operator a negative one complements; a positive operator is returned as it is.</summary>
    public static FilterOperator Positive(this FilterOperator op) => op switch
    {
        FilterOperator.NotEqual => FilterOperator.Equal,
        FilterOperator.NotContains => FilterOperator.Contains,
        FilterOperator.NotIn => FilterOperator.In,
        FilterOperator.IsNotEmpty => FilterOperator.IsEmpty,
        FilterOperator.NotWithinLast => FilterOperator.WithinLast,
        _ => op,
    };

    /// <summary>The operator as the JSON form writes it (<c>"op"</c>), e.g. <c>not_contains</c> or <c>within_last</c>; see <see cref="FilterJson"/>.</summary>
    /// <exception cref="InvalidOperationException">The operator is not defined.</exception>
    public static string ToJsonName(this FilterOperator op) => FilterJsonReader.OperatorName(op);

    /// <summary>The operator as written in the text syntax, e.g. <c>not contains</c> or <c>within last</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The operator is not defined.</exception>
    public static string ToText(this FilterOperator op) => op switch
    {
        FilterOperator.Equal => "=",
        FilterOperator.NotEqual => "!=",
        FilterOperator.LessThan => "<",
        FilterOperator.LessThanOrEqual => "<=",
        FilterOperator.GreaterThan => ">",
        FilterOperator.GreaterThanOrEqual => ">=",
        FilterOperator.Contains => "contains",
        FilterOperator.NotContains => "not contains",
        FilterOperator.StartsWith => "starts with",
        FilterOperator.EndsWith => "ends with",
        FilterOperator.In => "in",
        FilterOperator.NotIn => "not in",
        FilterOperator.Before => "before",
        FilterOperator.After => "after",
        FilterOperator.Between => "between",
        FilterOperator.IsEmpty => "is empty",
        FilterOperator.IsNotEmpty => "is not empty",
        FilterOperator.WithinLast => "within last",
        FilterOperator.NotWithinLast => "not within last",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown filter operator."),
    };
}
