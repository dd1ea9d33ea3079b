using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using CsCheck;

namespace Audiences.Sdk.Sqlite.Tests.Filtering;

/// <summary>
/// Random profiles and random bound filters over one small catalog, drawn from shared pools of
/// awkward values (case and accent variants, SQL and LIKE characters, extreme numbers, dates on the
/// boundaries of <c>within last</c>) so that conditions often hit and often just miss.
/// </summary>
internal static class StoreFilterGenerators
{
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

    public static readonly FilterCatalog Catalog = new(
    [
        new FieldDefinition("t", EntityKind.Person, FieldType.Text, "test"),
        new FieldDefinition("tags", EntityKind.Person, FieldType.TextList, "test"),
        new FieldDefinition("n", EntityKind.Person, FieldType.Number, "test"),
        new FieldDefinition("b", EntityKind.Person, FieldType.Boolean, "test"),
        new FieldDefinition("d", EntityKind.Person, FieldType.DateTime, "test"),
    ]);

    private static readonly string[] Words =
    [
        "a", "A", "ab", "AB", "élodie", "ÉLODIE", "E\u0301lodie", "x' OR 1=1 --", "%", "_", "a%b", "a_b", "100%", "\"q\"",
        "straße", "STRASSE", "İstanbul", "ıi", "😀", "日本", "ß", " a", "a ", "zoë", "ZOË", "Ω", "ω", "--", ";",
    ];

    private static readonly Gen<string> Text = Gen.OneOf<string>(
        Gen.OneOf(Words),
        Gen.Select(Gen.OneOf(Words), Gen.OneOf(Words), (x, y) => x + y),
        Gen.String[Gen.Char["aAéÉ%_' \"ßıİ"], 1, 5].Where(s => !string.IsNullOrWhiteSpace(s)));

    private static readonly Gen<double> Number = Gen.OneOf<double>(
        Gen.Int[-5, 5].Select(i => (double)i),
        Gen.OneOf(0.5, -0.0, 1e300, -1e300, double.MaxValue, -double.MaxValue, double.Epsilon, 12.5, 500));

    private static readonly Gen<DateTimeOffset> Date = Gen.OneOf<DateTimeOffset>(
        Gen.OneOf(
            Now, Now.AddDays(-90), Now.AddDays(-90).AddTicks(-1), Now.AddDays(-90).AddTicks(1), Now.AddMonths(-1), Now.AddYears(-1),
            Now.AddTicks(1), Now.AddDays(1), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Now.AddDays(-14)),
        Gen.Int[-400, 10].Select(d => Now.AddDays(d)));

    private static readonly Gen<FieldValue> AnyValue = Gen.OneOf<FieldValue>(
        Text.Select(FieldValue.FromText), Number.Select(FieldValue.FromNumber), Gen.Bool.Select(FieldValue.FromBoolean), Date.Select(FieldValue.FromDateTime));

    /// <summary>The current values of one profile: each field empty, of its type, or now and then of another type.</summary>
    public static readonly Gen<Dictionary<string, FieldValue>> Values = Gen.Select(
        Field(Text.Select(FieldValue.FromText)),
        Field(Text.Array[1, 3].Select(items => FieldValue.FromList(items))),
        Field(Number.Select(FieldValue.FromNumber)),
        Field(Gen.Bool.Select(FieldValue.FromBoolean)),
        Field(Date.Select(FieldValue.FromDateTime)),
        (t, tags, n, b, d) => new Dictionary<string, FieldValue> { ["t"] = t, ["tags"] = tags, ["n"] = n, ["b"] = b, ["d"] = d });

    public static Gen<Filter> Filter(int depth) => depth == 0
        ? Condition
        : Gen.Frequency(
            (3, Condition),
            (2, Gen.Select(Gen.OneOf(LogicalOperator.And, LogicalOperator.Or), Filter(depth - 1).Array[2, 3],
                (op, filters) => (Filter)new FilterGroup(op, filters))),
            (1, Filter(depth - 1).Select(f => (Filter)new NotFilter(f))));

    private static readonly Gen<Filter> Condition = Gen.OneOf(Catalog.GetFields(EntityKind.Person).ToArray())
        .SelectMany(field => Gen.OneOf(OperatorRules.For(field.Type).ToArray()).SelectMany(op => ConditionOf(field, op)));

    private static Gen<FieldValue> Field(Gen<FieldValue> ofType) =>
        Gen.Frequency((3, Gen.Const(FieldValue.Empty)), (6, ofType), (1, AnyValue));

    private static Gen<Filter> ConditionOf(FieldDefinition field, FilterOperator op)
    {
        var operand = field.Type switch
        {
            FieldType.Text or FieldType.TextList => Text.Select(FieldValue.FromText),
            FieldType.Number => Number.Select(FieldValue.FromNumber),
            FieldType.Boolean => Gen.Bool.Select(FieldValue.FromBoolean),
            _ => Date.Select(FieldValue.FromDateTime),
        };
        var duration = Gen.Select(Gen.Int[1, 120], Gen.OneOf(DurationUnit.Day, DurationUnit.Week, DurationUnit.Month, DurationUnit.Year),
            (n, unit) => new RelativeDuration(n, unit));
        return op.GetOperandShape() switch
        {
            OperandShape.None => Gen.Const((Filter)Audiences.Sdk.Filtering.Condition.IsEmpty(field.Key, op == FilterOperator.IsNotEmpty)),
            OperandShape.One => operand.Select(v => (Filter)Audiences.Sdk.Filtering.Condition.Compare(field.Key, op, v)),
            OperandShape.Range => Gen.Select(operand, operand, (x, y) => (Filter)Audiences.Sdk.Filtering.Condition.Between(
                field.Key, Compare(x, y) <= 0 ? x : y, Compare(x, y) <= 0 ? y : x)),
            OperandShape.List => operand.Array[1, 4].Select(vs => (Filter)Audiences.Sdk.Filtering.Condition.In(field.Key, vs, op == FilterOperator.NotIn)),
            _ => duration.Select(d => (Filter)Audiences.Sdk.Filtering.Condition.WithinLast(field.Key, d, op == FilterOperator.NotWithinLast)),
        };
    }

    private static int Compare(FieldValue x, FieldValue y) =>
        x.Type == FieldType.Number ? x.AsNumber().CompareTo(y.AsNumber()) : x.AsDateTime().CompareTo(y.AsDateTime());
}
