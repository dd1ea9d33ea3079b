using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterPrinterTests
{
    private static readonly Condition A = Condition.IsEmpty("a");
    private static readonly Condition B = Condition.IsEmpty("b");
    private static readonly Condition C = Condition.IsEmpty("c");

    [Fact]
    public void Print_AndUnderOr_NeedsNoParentheses() =>
        Filter.Or(A, Filter.And(B, C)).ToString().Should().Be("a is empty or b is empty and c is empty");

    [Fact]
    public void Print_OrUnderAnd_IsParenthesized() =>
        Filter.And(A, Filter.Or(B, C)).ToString().Should().Be("a is empty and (b is empty or c is empty)");

    [Fact]
    public void Print_SameOperatorNested_KeepsParenthesesSoTheShapeSurvives()
    {
        var nestedAnd = Filter.And(A, Filter.And(B, C));
        var nestedOr = Filter.Or(Filter.Or(A, B), C);
        nestedAnd.ToString().Should().Be("a is empty and (b is empty and c is empty)");
        nestedOr.ToString().Should().Be("(a is empty or b is empty) or c is empty");
        FilterParser.Parse(nestedAnd.ToString()).Should().Be(nestedAnd);
        FilterParser.Parse(nestedOr.ToString()).Should().Be(nestedOr);
    }

    [Fact]
    public void Print_NotOfGroup_IsParenthesized_NotOfConditionIsNot()
    {
        Filter.Not(Filter.And(A, B)).ToString().Should().Be("not (a is empty and b is empty)");
        Filter.Not(A).ToString().Should().Be("not a is empty");
    }

    [Fact]
    public void Print_Quantifier_PrintsInnerAtTopLevel() =>
        new RelatedFilter("opportunities", Quantifier.Any, Filter.Or(A, B)).ToString()
            .Should().Be("opportunities.any(a is empty or b is empty)");

    [Fact]
    public void Print_Values_UseInvariantLiterals()
    {
        Condition.Compare("x", FilterOperator.Equal, FieldValue.FromNumber(1234.5)).ToString().Should().Be("x = 1234.5");
        Condition.Compare("x", FilterOperator.Equal, FieldValue.FromText("a\"b\\c\n")).ToString().Should().Be("x = \"a\\\"b\\\\c\\n\"");
        Condition.Compare("x", FilterOperator.After, FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero)))
            .ToString().Should().Be("x after 2026-01-31T09:30:00Z");
        Condition.Compare("x", FilterOperator.After, FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero)))
            .ToString().Should().Be("x after 2026-01-31");
    }

    [Fact]
    public void Print_ControlCharacters_AreEscapedAndReadBack()
    {
        var filter = Condition.Compare("x", FilterOperator.Equal, FieldValue.FromText("a\u0001b"));
        filter.ToString().Should().Be("x = \"a\\u0001b\"");
        FilterParser.Parse(filter.ToString()).Should().Be(filter);
    }
}
