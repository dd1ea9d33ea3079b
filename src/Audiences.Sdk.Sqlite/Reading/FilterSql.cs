using System.Globalization;
using System.Text;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>
/// Translates a bound filter into a parameterized SQL condition on <c>profiles</c> (aliased as the
/// table itself, column <c>id</c>), with the semantics of <see cref="FilterSemantics"/>. Every value,
/// field key and instant is a parameter: the SQL text is built from the tree's shape alone, so no
/// value can change what the statement does.
/// </summary>
/// <remarks>
/// A condition's positive form is a membership test, <c>id IN (SELECT profile_id FROM
/// profile_values WHERE field = … AND …)</c>, which a range of the table's key (field, type, value, profile_id) answers; a
/// negative operator is <c>NOT</c> of it, so it is true on an empty value, and logic stays
/// two-valued because membership is never NULL. Text is compared folded on both sides
/// (<see cref="FilterText.Fold"/>), ordinally: <c>instr</c> and <c>substr</c>, never <c>LIKE</c>,
/// whose wildcards and ASCII-only case folding would change the meaning.
/// </remarks>
internal sealed class FilterSql
{
    private readonly StringBuilder _sql = new();
    private readonly List<KeyValuePair<string, object>> _parameters = [];
    private readonly DateTimeOffset _now;

    private FilterSql(DateTimeOffset now)
    {
        _now = now;
    }

    /// <summary>The SQL condition.</summary>
    public string Where => _sql.ToString();

    /// <summary>The parameters it names, <c>$f0</c>, <c>$f1</c>, …</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Parameters => _parameters;

    /// <summary>Translates <paramref name="filter"/>; <paramref name="now"/> anchors <c>within last</c>.</summary>
    /// <exception cref="NotSupportedException">The filter holds a related-record node.</exception>
    public static FilterSql Translate(Filter filter, DateTimeOffset now)
    {
        var sql = new FilterSql(now);
        sql.Append(filter);
        return sql;
    }

    private void Append(Filter filter)
    {
        switch (filter)
        {
            case Condition condition:
                AppendCondition(condition);
                break;
            case FilterGroup group:
                _sql.Append('(');
                for (var i = 0; i < group.Filters.Count; i++)
                {
                    if (i > 0)
                    {
                        _sql.Append(group.Operator == LogicalOperator.And ? " AND " : " OR ");
                    }

                    Append(group.Filters[i]);
                }

                _sql.Append(')');
                break;
            case NotFilter not:
                _sql.Append("NOT ");
                Append(not.Operand);
                break;
            default:
                throw new NotSupportedException($"The SQLite store cannot translate a {filter.GetType().Name} node.");
        }
    }

    private void AppendCondition(Condition condition)
    {
        var positive = condition.Operator.Positive();
        var negated = condition.Operator.IsNegative();
        _sql.Append(negated ? "(NOT " : "(");
        if (positive == FilterOperator.IsEmpty)
        {
            _sql.Append("id NOT IN (SELECT profile_id FROM profile_values WHERE field = ").Append(FieldId(condition)).Append(')');
        }
        else if (ValueClause(condition, positive) is { } clause)
        {
            _sql.Append("id IN (SELECT profile_id FROM profile_values WHERE field = ").Append(FieldId(condition))
                .Append(" AND (").Append(clause).Append("))");
        }
        else
        {
            // No value of any type can satisfy it (an operand that orders nothing): false.
            _sql.Append('0');
        }

        _sql.Append(')');
    }

    private string FieldId(Condition condition) => $"(SELECT id FROM value_fields WHERE key = {Parameter(condition.Field.Field)})";

    /// <summary>The test on one value row, or null when no row can pass it.</summary>
    private string? ValueClause(Condition condition, FilterOperator positive)
    {
        var operands = condition.Values;
        return positive switch
        {
            FilterOperator.Equal => Points(operands.Take(1)),
            FilterOperator.In => Points(operands),
            FilterOperator.Contains => Text(operands[0], p => $"instr(value, {p}) > 0"),
            FilterOperator.StartsWith => Text(operands[0], p => $"substr(value, 1, length({p})) = {p}"),
            FilterOperator.EndsWith => Text(operands[0], p => $"substr(value, -length({p})) = {p}"),
            FilterOperator.LessThan or FilterOperator.Before => Ordered(operands[0], "<"),
            FilterOperator.LessThanOrEqual => Ordered(operands[0], "<="),
            FilterOperator.GreaterThan or FilterOperator.After => Ordered(operands[0], ">"),
            FilterOperator.GreaterThanOrEqual => Ordered(operands[0], ">="),
            FilterOperator.Between => Between(operands[0], operands[1]),
            FilterOperator.WithinLast => Range(
                FieldType.DateTime, condition.Duration!.Value.Before(_now).UtcTicks, _now.UtcTicks),
            _ => throw new ArgumentOutOfRangeException(nameof(positive), positive, "Unknown filter operator."),
        };
    }

    /// <summary>Equality with any operand, grouped by type (text folded).</summary>
    private string? Points(IEnumerable<FieldValue> operands)
    {
        var groups = operands.GroupBy(o => o.Type).Select(g =>
        {
            var values = g.Select(v => Parameter(SqlValue(v))).ToArray();
            var test = values.Length == 1 ? $"value = {values[0]}" : $"value IN ({string.Join(", ", values)})";
            return $"(type = {TypeCode(g.Key)} AND {test})";
        }).ToArray();
        return groups.Length == 0 ? null : string.Join(" OR ", groups);
    }

    private string? Text(FieldValue operand, Func<string, string> test) =>
        operand.Type == FieldType.Text ? $"type = {TypeCode(FieldType.Text)} AND {test(Parameter(FilterText.Fold(operand.AsText())))}" : null;

    private string? Ordered(FieldValue operand, string op) =>
        operand.Type is FieldType.Number or FieldType.DateTime
            ? $"type = {TypeCode(operand.Type)} AND value {op} {Parameter(SqlValue(operand))}"
            : null;

    private string? Between(FieldValue low, FieldValue high) =>
        low.Type == high.Type && low.Type is FieldType.Number or FieldType.DateTime
            ? $"type = {TypeCode(low.Type)} AND value BETWEEN {Parameter(SqlValue(low))} AND {Parameter(SqlValue(high))}"
            : null;

    private string Range(FieldType type, long from, long to) =>
        $"type = {TypeCode(type)} AND value BETWEEN {Parameter(from)} AND {Parameter(to)}";

    /// <summary>A value as <c>profile_values</c> holds it.</summary>
    private static object SqlValue(FieldValue value) => value.Type switch
    {
        FieldType.Text => FilterText.Fold(value.AsText()),
        FieldType.Number => value.AsNumber(),
        FieldType.Boolean => value.AsBoolean() ? 1L : 0L,
        FieldType.DateTime => value.AsDateTime().UtcTicks,
        _ => throw new ArgumentException($"A condition's value cannot be {value.Type}.", nameof(value)),
    };

    // The type codes are the enum's numbers, written as SQL integers: no user text.
    private static string TypeCode(FieldType type) =>
        ((int)(type == FieldType.TextList ? FieldType.Text : type)).ToString(CultureInfo.InvariantCulture);

    private string Parameter(object value)
    {
        var name = "$f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return name;
    }
}
