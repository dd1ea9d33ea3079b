using System.Globalization;
using System.Text;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Reading;

/// <summary>
/// Translates a bound filter into one parameterized SQL statement selecting the ids of the matching
/// live profiles of kind <c>$kind</c> above <c>$after</c>, with the semantics of
/// <see cref="FilterSemantics"/>. Every value, field key and instant is a parameter: the SQL text is
/// built from the tree's shape alone, so no value can change what the statement does.
/// </summary>
/// <remarks>
/// <para>
/// <c>profile_values</c> is keyed (field, profile_id, type, value), so one field's rows are a range
/// of the key in profile order. When the filter is a condition, or an AND with a positive condition
/// among its terms, that condition drives: its field's range is scanned from <c>$after</c> on, each
/// row tested on its value, and the remaining terms are checked for that profile only, each by a
/// seek on (field, profile_id) — <c>EXISTS (SELECT 1 FROM profile_values v WHERE v.field = … AND
/// v.profile_id = d.profile_id AND …)</c>. Ids come out in order, so a page stops at its limit.
/// Any other filter (an OR, a negation, a lone emptiness test) walks the kind's profiles and tests
/// membership in each condition's matching ids, built once per statement: <c>id IN (SELECT
/// profile_id FROM profile_values WHERE field = … AND …)</c>.
/// </para>
/// <para>
/// A negative operator is <c>NOT</c> of the positive test, so it is true on an empty value, and
/// logic stays two-valued because neither test is ever NULL. Text is compared folded on both sides
/// (<see cref="FilterText.Fold"/>), ordinally: <c>instr</c> and <c>substr</c>, never <c>LIKE</c>,
/// whose wildcards and ASCII-only case folding would change the meaning.
/// </para>
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

    /// <summary>
    /// The statement: one column, <c>id</c>, distinct and in ascending order when read as it comes
    /// (append <c>ORDER BY id</c> to a page query; SQLite takes the order from the index, no sort).
    /// </summary>
    public string Select => _sql.ToString();

    /// <summary>The parameters it names, <c>$f0</c>, <c>$f1</c>, …, besides <c>$kind</c> and <c>$after</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Parameters => _parameters;

    /// <summary>Whether a condition's range drives the statement (else it walks the kind's profiles).</summary>
    public bool Driven { get; private set; }

    /// <summary>Translates <paramref name="filter"/>; <paramref name="now"/> anchors <c>within last</c>.</summary>
    /// <exception cref="NotSupportedException">The filter holds a related-record node.</exception>
    public static FilterSql Translate(Filter filter, DateTimeOffset now)
    {
        var sql = new FilterSql(now);
        IReadOnlyList<Filter> terms = filter is FilterGroup { Operator: LogicalOperator.And } and ? and.Filters : [filter];
        for (var i = 0; i < terms.Count; i++)
        {
            if (terms[i] is Condition condition && !condition.Operator.IsNegative()
                && condition.Operator.Positive() != FilterOperator.IsEmpty
                && sql.ValueClause(condition, condition.Operator.Positive(), "d.") is { } clause)
            {
                sql.Driven = true;
                sql._sql.Append("SELECT DISTINCT d.profile_id AS id FROM profile_values d CROSS JOIN profiles p ON p.id = d.profile_id")
                    .Append(" WHERE d.field = ").Append(sql.FieldId(condition))
                    .Append(" AND d.profile_id > $after AND (").Append(clause).Append(") AND p.kind = $kind");
                for (var j = 0; j < terms.Count; j++)
                {
                    if (j != i)
                    {
                        sql._sql.Append(" AND ");
                        sql.AppendCorrelated(terms[j]);
                    }
                }

                return sql;
            }
        }

        sql._sql.Append("SELECT id FROM profiles WHERE kind = $kind AND id > $after AND ");
        sql.AppendMembership(filter);
        return sql;
    }

    /// <summary>The filter as a test of the profile <c>d.profile_id</c>: a seek per condition.</summary>
    private void AppendCorrelated(Filter filter)
    {
        switch (filter)
        {
            case Condition condition:
                var positive = condition.Operator.Positive();
                var negated = condition.Operator.IsNegative();
                if (positive == FilterOperator.IsEmpty)
                {
                    _sql.Append(negated ? "(" : "(NOT ");
                    _sql.Append("EXISTS (SELECT 1 FROM profile_values v WHERE v.field = ").Append(FieldId(condition))
                        .Append(" AND v.profile_id = d.profile_id))");
                }
                else if (ValueClause(condition, positive, "v.") is { } clause)
                {
                    _sql.Append(negated ? "(NOT " : "(");
                    _sql.Append("EXISTS (SELECT 1 FROM profile_values v WHERE v.field = ").Append(FieldId(condition))
                        .Append(" AND v.profile_id = d.profile_id AND (").Append(clause).Append(")))");
                }
                else
                {
                    // No value of any type can satisfy it (an operand that orders nothing).
                    _sql.Append(negated ? "1" : "0");
                }

                break;
            case FilterGroup group:
                AppendGroup(group, AppendCorrelated);
                break;
            case NotFilter not:
                _sql.Append("NOT ");
                AppendCorrelated(not.Operand);
                break;
            default:
                throw new NotSupportedException($"The SQLite store cannot translate a {filter.GetType().Name} node.");
        }
    }

    /// <summary>The filter as a test of <c>profiles.id</c>: membership in each condition's ids.</summary>
    private void AppendMembership(Filter filter)
    {
        switch (filter)
        {
            case Condition condition:
                var positive = condition.Operator.Positive();
                _sql.Append(condition.Operator.IsNegative() ? "(NOT " : "(");
                if (positive == FilterOperator.IsEmpty)
                {
                    _sql.Append("id NOT IN (SELECT profile_id FROM profile_values WHERE field = ").Append(FieldId(condition)).Append(')');
                }
                else if (ValueClause(condition, positive, "") is { } clause)
                {
                    _sql.Append("id IN (SELECT profile_id FROM profile_values WHERE field = ").Append(FieldId(condition))
                        .Append(" AND (").Append(clause).Append("))");
                }
                else
                {
                    _sql.Append('0');
                }

                _sql.Append(')');
                break;
            case FilterGroup group:
                AppendGroup(group, AppendMembership);
                break;
            case NotFilter not:
                _sql.Append("NOT ");
                AppendMembership(not.Operand);
                break;
            default:
                throw new NotSupportedException($"The SQLite store cannot translate a {filter.GetType().Name} node.");
        }
    }

    private void AppendGroup(FilterGroup group, Action<Filter> append)
    {
        _sql.Append('(');
        for (var i = 0; i < group.Filters.Count; i++)
        {
            if (i > 0)
            {
                _sql.Append(group.Operator == LogicalOperator.And ? " AND " : " OR ");
            }

            append(group.Filters[i]);
        }

        _sql.Append(')');
    }

    private string FieldId(Condition condition) => $"(SELECT id FROM value_fields WHERE key = {Parameter(condition.Field.Field)})";

    /// <summary>The test on one value row (its columns prefixed by <paramref name="c"/>), or null when no row can pass it.</summary>
    private string? ValueClause(Condition condition, FilterOperator positive, string c)
    {
        var operands = condition.Values;
        return positive switch
        {
            FilterOperator.Equal => Points(operands.Take(1), c),
            FilterOperator.In => Points(operands, c),
            FilterOperator.Contains => Text(operands[0], c, p => $"instr({c}value, {p}) > 0"),
            FilterOperator.StartsWith => Text(operands[0], c, p => $"substr({c}value, 1, length({p})) = {p}"),
            FilterOperator.EndsWith => Text(operands[0], c, p => $"substr({c}value, -length({p})) = {p}"),
            FilterOperator.LessThan or FilterOperator.Before => Ordered(operands[0], "<", c),
            FilterOperator.LessThanOrEqual => Ordered(operands[0], "<=", c),
            FilterOperator.GreaterThan or FilterOperator.After => Ordered(operands[0], ">", c),
            FilterOperator.GreaterThanOrEqual => Ordered(operands[0], ">=", c),
            FilterOperator.Between => Between(operands[0], operands[1], c),
            FilterOperator.WithinLast => Range(
                FieldType.DateTime, condition.Duration!.Value.Before(_now).UtcTicks, _now.UtcTicks, c),
            _ => throw new ArgumentOutOfRangeException(nameof(positive), positive, "Unknown filter operator."),
        };
    }

    /// <summary>Equality with any operand, grouped by type (text folded).</summary>
    private string? Points(IEnumerable<FieldValue> operands, string c)
    {
        var groups = operands.GroupBy(o => o.Type).Select(g =>
        {
            var values = g.Select(v => Parameter(SqlValue(v))).ToArray();
            var test = values.Length == 1 ? $"{c}value = {values[0]}" : $"{c}value IN ({string.Join(", ", values)})";
            return $"({c}type = {TypeCode(g.Key)} AND {test})";
        }).ToArray();
        return groups.Length == 0 ? null : string.Join(" OR ", groups);
    }

    private string? Text(FieldValue operand, string c, Func<string, string> test) =>
        operand.Type == FieldType.Text ? $"{c}type = {TypeCode(FieldType.Text)} AND {test(Parameter(FilterText.Fold(operand.AsText())))}" : null;

    private string? Ordered(FieldValue operand, string op, string c) =>
        operand.Type is FieldType.Number or FieldType.DateTime
            ? $"{c}type = {TypeCode(operand.Type)} AND {c}value {op} {Parameter(SqlValue(operand))}"
            : null;

    private string? Between(FieldValue low, FieldValue high, string c) =>
        low.Type == high.Type && low.Type is FieldType.Number or FieldType.DateTime
            ? $"{c}type = {TypeCode(low.Type)} AND {c}value BETWEEN {Parameter(SqlValue(low))} AND {Parameter(SqlValue(high))}"
            : null;

    private string Range(FieldType type, long from, long to, string c) =>
        $"{c}type = {TypeCode(type)} AND {c}value BETWEEN {Parameter(from)} AND {Parameter(to)}";

    /// <summary>A value as <c>profile_values</c> holds it.</summary>
    private static object SqlValue(FieldValue value) => value.Type switch
    {
        FieldType.Text => FilterText.Fold(value.AsText()),
        FieldType.Number => value.AsNumber(),
        FieldType.Boolean => value.AsBoolean() ? 1L : 0L,
        FieldType.DateTime => value.AsDateTime().UtcTicks,
        _ => throw new ArgumentException($"A condition's value cannot be {value.Type.ToName()}.", nameof(value)),
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
