using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>Which operators apply to which field type.</summary>
public static class OperatorRules
{
    private static readonly FilterOperator[] EmptyOperators = [FilterOperator.IsEmpty, FilterOperator.IsNotEmpty];

    private static readonly FilterOperator[] TextOperators =
    [
        FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.Contains, FilterOperator.NotContains,
        FilterOperator.StartsWith, FilterOperator.EndsWith, FilterOperator.In, FilterOperator.NotIn, .. EmptyOperators,
    ];

    private static readonly FilterOperator[] NumberOperators =
    [
        FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual,
        FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.Between,
        FilterOperator.In, FilterOperator.NotIn, .. EmptyOperators,
    ];

    private static readonly FilterOperator[] BooleanOperators = [FilterOperator.Equal, FilterOperator.NotEqual, .. EmptyOperators];

    private static readonly FilterOperator[] DateTimeOperators =
    [
        FilterOperator.Equal, FilterOperator.NotEqual, FilterOperator.LessThan, FilterOperator.LessThanOrEqual,
        FilterOperator.GreaterThan, FilterOperator.GreaterThanOrEqual, FilterOperator.Before, FilterOperator.After,
        FilterOperator.Between, FilterOperator.WithinLast, FilterOperator.NotWithinLast, .. EmptyOperators,
    ];

    /// <summary>The operators a field of <paramref name="type"/> supports.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The type is not defined.</exception>
    public static IReadOnlyList<FilterOperator> For(FieldType type) => type switch
    {
        FieldType.Text or FieldType.TextList => TextOperators,
        FieldType.Number => NumberOperators,
        FieldType.Boolean => BooleanOperators,
        FieldType.DateTime => DateTimeOperators,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown field type."),
    };

    /// <summary>Whether a field of <paramref name="type"/> supports <paramref name="op"/>.</summary>
    public static bool Supports(FieldType type, FilterOperator op) => For(type).Contains(op);
}
