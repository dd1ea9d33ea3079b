using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using CsCheck;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterRoundTripPropertyTests
{
    [Fact]
    public void PrintThenParse_GivesTheSameTree() =>
        FilterGenerators.Filter(4).Sample(filter =>
        {
            var parsed = FilterParser.Parse(filter.ToString());
            parsed.Should().Be(filter, "the printed text was {0}", filter.ToString());
        }, iter: 2000);

    [Fact]
    public void JsonWriteThenRead_GivesTheSameTree() =>
        FilterGenerators.Filter(4).Sample(filter =>
            FilterJson.Deserialize(FilterJson.Serialize(filter)).Should().Be(filter), iter: 2000);

    [Fact]
    public void Printing_IsStableAfterOneRoundTrip() =>
        FilterGenerators.Filter(3).Sample(filter =>
        {
            var text = filter.ToString();
            FilterParser.Parse(text).ToString().Should().Be(text);
        }, iter: 1000);

    [Fact]
    public void NegativeOperators_AreExactComplements_OnAnyValue()
    {
        var now = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
        var value = Gen.OneOf<FieldValue>(
            Gen.Const(FieldValue.Empty),
            Gen.String[Gen.Char["aAbéÉ"], 1, 4].Select(FieldValue.FromText),
            Gen.Int[-3, 3].Select(i => FieldValue.FromNumber(i)),
            Gen.Int[-400, 10].Select(d => FieldValue.FromDateTime(now.AddDays(d))),
            Gen.String[Gen.Char["aAb"], 1, 3].Array[1, 3].Select(items => FieldValue.FromList(items)));
        var pairs = new (FilterOperator Negative, Func<FieldValue, Condition> Make)[]
        {
            (FilterOperator.NotEqual, v => Condition.Compare("f", FilterOperator.Equal, Operand(v))),
            (FilterOperator.NotContains, v => Condition.Compare("f", FilterOperator.Contains, Operand(v))),
            (FilterOperator.NotIn, v => Condition.In("f", [Operand(v), FieldValue.FromText("a")])),
            (FilterOperator.IsNotEmpty, _ => Condition.IsEmpty("f")),
            (FilterOperator.NotWithinLast, _ => Condition.WithinLast("f", new RelativeDuration(90, DurationUnit.Day))),
        };

        Gen.Select(value, value).Sample((recordValue, operandSource) =>
        {
            foreach (var (negative, make) in pairs)
            {
                var positive = make(operandSource);
                var negated = Condition.Create(positive.Field, negative, positive.Values, positive.Duration);
                FilterSemantics.Test(negated, recordValue, now).Should().Be(!FilterSemantics.Test(positive, recordValue, now));
            }
        }, iter: 2000);
    }

    private static FieldValue Operand(FieldValue source) => source.IsEmpty || source.Type == FieldType.TextList
        ? FieldValue.FromText("a")
        : source;
}
