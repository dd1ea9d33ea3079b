using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// One condition on one field: <c>employee_count &lt; 500</c>, <c>title contains "VP"</c>,
/// <c>email is empty</c>, <c>amount between 10 and 20</c>, <c>industry in ["SaaS", "Fintech"]</c>,
/// <c>last_funding_date within last 6m</c>. Create one with the static factories.
/// </summary>
/// <remarks>
/// Values are <see cref="FieldValue"/>s and are never empty. A condition built by hand or parsed
/// from text holds the literals as written; binding (<see cref="FilterBinder"/>) converts them to
/// the field's type.
/// </remarks>
public sealed record Condition : Filter
{
    private readonly FieldValue[] _values;

    private Condition(FieldPath field, FilterOperator op, FieldValue[] values, RelativeDuration? duration)
    {
        ArgumentNullException.ThrowIfNull(field);
        Field = field;
        Operator = op;
        _values = values;
        Duration = duration;
    }

    /// <summary>The field the condition reads.</summary>
    public FieldPath Field { get; }

    /// <summary>The operator.</summary>
    public FilterOperator Operator { get; }

    /// <summary>
    /// The values: none for <c>is empty</c> and <c>within last</c>, one for single-value operators,
    /// low and high for <c>between</c>, one or more for <c>in</c>.
    /// </summary>
    public IReadOnlyList<FieldValue> Values => _values;

    /// <summary>The single value of a single-value operator.</summary>
    /// <exception cref="InvalidOperationException">The operator does not take a single value.</exception>
    public FieldValue Value => Operator.GetOperandShape() == OperandShape.One
        ? _values[0]
        : throw new InvalidOperationException($"The operator '{Operator.ToText()}' does not take a single value.");

    /// <summary>The look-back period of <c>within last</c> and <c>not within last</c>; null otherwise.</summary>
    public RelativeDuration? Duration { get; }

    /// <summary>A single-value condition such as <c>field = value</c> or <c>field contains value</c>.</summary>
    /// <exception cref="ArgumentException">The operator does not take a single value, or the value is empty or a list.</exception>
    public static Condition Compare(FieldPath field, FilterOperator op, FieldValue value)
    {
        RequireShape(op, OperandShape.One);
        return new Condition(field, op, [CheckValue(value, nameof(value))], null);
    }

    /// <summary><c>field in [values]</c>, or <c>not in</c> when <paramref name="negated"/>.</summary>
    /// <exception cref="ArgumentException">No value is given, or a value is empty or a list.</exception>
    public static Condition In(FieldPath field, IEnumerable<FieldValue> values, bool negated = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values.Select(v => CheckValue(v, nameof(values))).ToArray();
        if (items.Length == 0)
        {
            throw new ArgumentException("'in' needs at least one value.", nameof(values));
        }

        return new Condition(field, negated ? FilterOperator.NotIn : FilterOperator.In, items, null);
    }

    /// <summary><c>field between low and high</c>, both ends included.</summary>
    /// <exception cref="ArgumentException">A bound is empty or a list.</exception>
    public static Condition Between(FieldPath field, FieldValue low, FieldValue high) =>
        new(field, FilterOperator.Between, [CheckValue(low, nameof(low)), CheckValue(high, nameof(high))], null);

    /// <summary><c>field is empty</c>, or <c>is not empty</c> when <paramref name="negated"/>.</summary>
    public static Condition IsEmpty(FieldPath field, bool negated = false) =>
        new(field, negated ? FilterOperator.IsNotEmpty : FilterOperator.IsEmpty, [], null);

    /// <summary><c>field within last duration</c>, or <c>not within last</c> when <paramref name="negated"/>.</summary>
    /// <exception cref="ArgumentException">The duration is the default value (zero).</exception>
    public static Condition WithinLast(FieldPath field, RelativeDuration duration, bool negated = false)
    {
        if (duration.Amount < 1)
        {
            throw new ArgumentException("A duration needs an amount of at least 1.", nameof(duration));
        }

        return new Condition(field, negated ? FilterOperator.NotWithinLast : FilterOperator.WithinLast, [], duration);
    }

    /// <summary>Creates a condition of any operator from its parts; the values and duration must fit the operator's <see cref="OperandShape"/>.</summary>
    /// <exception cref="ArgumentException">The values or duration do not fit the operator.</exception>
    public static Condition Create(FieldPath field, FilterOperator op, IReadOnlyList<FieldValue> values, RelativeDuration? duration = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        var shape = op.GetOperandShape();
        if (shape != OperandShape.Duration && duration is not null)
        {
            throw new ArgumentException($"The operator '{op.ToText()}' takes no duration.", nameof(duration));
        }

        return shape switch
        {
            OperandShape.None when values.Count == 0 => IsEmpty(field, op == FilterOperator.IsNotEmpty),
            OperandShape.One when values.Count == 1 => Compare(field, op, values[0]),
            OperandShape.Range when values.Count == 2 => Between(field, values[0], values[1]),
            OperandShape.List => In(field, values, op == FilterOperator.NotIn),
            OperandShape.Duration when values.Count == 0 && duration is not null => WithinLast(field, duration.Value, op == FilterOperator.NotWithinLast),
            _ => throw new ArgumentException($"The operator '{op.ToText()}' takes {Describe(shape)}, not {values.Count} value(s){(duration is null ? string.Empty : " and a duration")}.", nameof(values)),
        };
    }

    /// <summary>The same condition with other values (used when binding converts literals).</summary>
    internal Condition WithValues(FieldPath field, FieldValue[] values) => new(field, Operator, values, Duration);

    /// <inheritdoc />
    public bool Equals(Condition? other) =>
        other is not null && Field == other.Field && Operator == other.Operator
        && Duration == other.Duration && _values.AsSpan().SequenceEqual(other._values);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Field);
        hash.Add(Operator);
        hash.Add(Duration);
        foreach (var value in _values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    internal static string Describe(OperandShape shape) => shape switch
    {
        OperandShape.None => "no value",
        OperandShape.One => "one value",
        OperandShape.Range => "two values (low and high)",
        OperandShape.List => "a list of values",
        _ => "a duration such as 90d",
    };

    private static void RequireShape(FilterOperator op, OperandShape shape)
    {
        if (op.GetOperandShape() != shape)
        {
            throw new ArgumentException($"The operator '{op.ToText()}' takes {Describe(op.GetOperandShape())}; use the matching factory.", nameof(op));
        }
    }

    private static FieldValue CheckValue(FieldValue value, string paramName) =>
        value.IsEmpty ? throw new ArgumentException("A condition's value cannot be empty; use IsEmpty for 'is empty'.", paramName)
        : value.Type == FieldType.TextList ? throw new ArgumentException("A condition's value cannot be a list; use In for 'in [..]'.", paramName)
        : value;
}
