using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using CsCheck;

namespace Audiences.Sdk.Tests.Filtering;

/// <summary>Random filter trees (any shape, any operator, awkward literals) for property tests.</summary>
internal static class FilterGenerators
{
    private static readonly Gen<string> Name = Gen.OneOf<string>(
        Gen.OneOf("title", "score", "in", "between", "any", "empty", "is", "last", "true", "x1", "A_b"),
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"], Gen.String[Gen.Char["abz_019"], 0, 6], (c, s) => c + s)
            .Where(FieldPath.IsName));

    private static readonly Gen<FieldPath> Path = Gen.OneOf<FieldPath>(
        Name.Select(n => new FieldPath(n)),
        Gen.Select(Name, Name, (a, b) => new FieldPath($"{a}.{b}")));

    private static readonly Gen<FieldValue> Text = Gen.OneOf<string>(
        Gen.String[Gen.Char["aZé \"'\\\n\t\u0001日"], 1, 8],
        Gen.String)
        .Where(s => !string.IsNullOrWhiteSpace(s))
        .Select(FieldValue.FromText);

    private static readonly Gen<FieldValue> Number = Gen.OneOf<double>(
        Gen.Int[-1_000_000, 1_000_000].Select(i => (double)i),
        Gen.Double.Where(double.IsFinite),
        Gen.OneOf(0.1, 1e20, -2.5e-7, double.MaxValue, double.Epsilon))
        .Select(FieldValue.FromNumber);

    private static readonly Gen<FieldValue> Date = Gen.OneOf<DateTimeOffset>(
        Gen.Long[DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks].Select(t => new DateTimeOffset(t, TimeSpan.Zero)),
        Gen.Int[-100_000, 100_000].Select(d => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(d)))
        .Where(d => d.Year >= 1000)
        .Select(FieldValue.FromDateTime);

    private static readonly Gen<FieldValue> Value = Gen.OneOf<FieldValue>(Text, Number, Date, Gen.Bool.Select(FieldValue.FromBoolean));

    private static readonly Gen<RelativeDuration> Duration = Gen.Select(
        Gen.Int[1, RelativeDuration.MaxAmount], Gen.OneOf(DurationUnit.Day, DurationUnit.Week, DurationUnit.Month, DurationUnit.Year),
        (n, u) => new RelativeDuration(n, u));

    public static readonly Gen<Condition> Condition = Gen.Select(Path, Gen.Enum<FilterOperator>(), Value.Array[1, 4], Duration, Build);

    public static Gen<Filter> Filter(int depth) => depth == 0
        ? Condition.Select(c => (Filter)c)
        : Gen.Frequency<Filter>(
            (3, Condition.Select(c => (Filter)c)),
            (2, Gen.Select(Gen.OneOf(LogicalOperator.And, LogicalOperator.Or), Filter(depth - 1).Array[2, 4], (op, fs) => (Filter)new FilterGroup(op, fs))),
            (1, Filter(depth - 1).Select(f => (Filter)new NotFilter(f))),
            (1, Gen.Select(Name, Gen.OneOf(Quantifier.Any, Quantifier.All, Quantifier.None), Filter(depth - 1), (n, q, f) => (Filter)new RelatedFilter(n, q, f))));

    private static Condition Build(FieldPath path, FilterOperator op, FieldValue[] values, RelativeDuration duration) =>
        op.GetOperandShape() switch
        {
            OperandShape.None => Audiences.Sdk.Filtering.Condition.IsEmpty(path, op == FilterOperator.IsNotEmpty),
            OperandShape.One => Audiences.Sdk.Filtering.Condition.Compare(path, op, values[0]),
            OperandShape.Range => Audiences.Sdk.Filtering.Condition.Between(path, values[0], values[^1]),
            OperandShape.List => Audiences.Sdk.Filtering.Condition.In(path, values, op == FilterOperator.NotIn),
            _ => Audiences.Sdk.Filtering.Condition.WithinLast(path, duration, op == FilterOperator.NotWithinLast),
        };
}
