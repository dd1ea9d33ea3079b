using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterParserTests
{
    private static FieldValue T(string s) => FieldValue.FromText(s);

    private static FieldValue N(double d) => FieldValue.FromNumber(d);

    private static FieldValue D(int y, int m, int d) => FieldValue.FromDateTime(new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, Filter> Operators => new()
    {
        { "title = \"CTO\"", Condition.Compare("title", FilterOperator.Equal, T("CTO")) },
        { "title != \"CTO\"", Condition.Compare("title", FilterOperator.NotEqual, T("CTO")) },
        { "score < 5", Condition.Compare("score", FilterOperator.LessThan, N(5)) },
        { "score <= 5", Condition.Compare("score", FilterOperator.LessThanOrEqual, N(5)) },
        { "score > 5", Condition.Compare("score", FilterOperator.GreaterThan, N(5)) },
        { "score >= 5", Condition.Compare("score", FilterOperator.GreaterThanOrEqual, N(5)) },
        { "title contains \"VP\"", Condition.Compare("title", FilterOperator.Contains, T("VP")) },
        { "title not contains \"VP\"", Condition.Compare("title", FilterOperator.NotContains, T("VP")) },
        { "title starts with \"Head\"", Condition.Compare("title", FilterOperator.StartsWith, T("Head")) },
        { "title ends with \"Sales\"", Condition.Compare("title", FilterOperator.EndsWith, T("Sales")) },
        { "industry in [\"SaaS\", \"Fintech\"]", Condition.In("industry", [T("SaaS"), T("Fintech")]) },
        { "industry not in [\"SaaS\"]", Condition.In("industry", [T("SaaS")], negated: true) },
        { "signed_up_at before 2026-01-31", Condition.Compare("signed_up_at", FilterOperator.Before, D(2026, 1, 31)) },
        { "signed_up_at after 2026-01-31", Condition.Compare("signed_up_at", FilterOperator.After, D(2026, 1, 31)) },
        { "amount between 10 and 20", Condition.Between("amount", N(10), N(20)) },
        { "work_email is empty", Condition.IsEmpty("work_email") },
        { "work_email is not empty", Condition.IsEmpty("work_email", negated: true) },
        { "signed_up_at within last 90d", Condition.WithinLast("signed_up_at", new RelativeDuration(90, DurationUnit.Day)) },
        { "signed_up_at not within last 6m", Condition.WithinLast("signed_up_at", new RelativeDuration(6, DurationUnit.Month), negated: true) },
        { "is_customer = true", Condition.Compare("is_customer", FilterOperator.Equal, FieldValue.FromBoolean(true)) },
        { "is_customer != false", Condition.Compare("is_customer", FilterOperator.NotEqual, FieldValue.FromBoolean(false)) },
    };

    [Theory]
    [MemberData(nameof(Operators))]
    public void Parse_EachOperator_BuildsCondition(string text, Filter expected)
    {
        FilterParser.Parse(text).Should().Be(expected);
        expected.ToString().Should().Be(text);
    }

    [Fact]
    public void Parse_AndBindsTighterThanOr()
    {
        var a = Condition.IsEmpty("a");
        var b = Condition.IsEmpty("b");
        var c = Condition.IsEmpty("c");
        FilterParser.Parse("a is empty or b is empty and c is empty").Should().Be(Filter.Or(a, Filter.And(b, c)));
        FilterParser.Parse("(a is empty or b is empty) and c is empty").Should().Be(Filter.And(Filter.Or(a, b), c));
    }

    [Fact]
    public void Parse_NotBindsTighterThanAnd()
    {
        var a = Condition.IsEmpty("a");
        var b = Condition.IsEmpty("b");
        FilterParser.Parse("not a is empty and b is empty").Should().Be(Filter.And(Filter.Not(a), b));
        FilterParser.Parse("not (a is empty and b is empty)").Should().Be(Filter.Not(Filter.And(a, b)));
        FilterParser.Parse("not not a is empty").Should().Be(Filter.Not(Filter.Not(a)));
    }

    [Fact]
    public void Parse_KeywordsIgnoreCase()
    {
        FilterParser.Parse("NOT title CONTAINS \"x\" AND score BETWEEN 1 AND 2 Or email IS NOT EMPTY")
            .ToString().Should().Be("not title contains \"x\" and score between 1 and 2 or email is not empty");
    }

    [Fact]
    public void Parse_Quantifiers_WrapTheInnerFilter()
    {
        var inner = Filter.And(Condition.Compare("stage", FilterOperator.Equal, T("Closed Won")), Condition.Compare("amount", FilterOperator.GreaterThan, N(50000)));
        FilterParser.Parse("opportunities.any(stage = \"Closed Won\" and amount > 50000)")
            .Should().Be(new RelatedFilter("opportunities", Quantifier.Any, inner));
        FilterParser.Parse("opportunities.ALL(amount > 1)").Should().Be(new RelatedFilter("opportunities", Quantifier.All, Condition.Compare("amount", FilterOperator.GreaterThan, N(1))));
        FilterParser.Parse("opportunities.none(amount > 1)").Should().Be(new RelatedFilter("opportunities", Quantifier.None, Condition.Compare("amount", FilterOperator.GreaterThan, N(1))));
    }

    [Fact]
    public void Parse_LinkedField_KeepsThePath()
    {
        var filter = (Condition)FilterParser.Parse("company.employee_count < 500");
        filter.Field.Should().Be(new FieldPath("company.employee_count"));
    }

    [Theory]
    [InlineData("title = 'it''s'", null)]
    [InlineData("title = 'single'", "single")]
    [InlineData("title = \"quote \\\" and \\\\ back\"", "quote \" and \\ back")]
    [InlineData("title = \"tab\\there\\nline\"", "tab\there\nline")]
    [InlineData("title = \"\\u00e9\"", "é")]
    [InlineData("title = \"ÉLODIE 日本\"", "ÉLODIE 日本")]
    public void Parse_TextLiterals_ReadEscapes(string text, string? expected)
    {
        if (expected is null)
        {
            var act = () => FilterParser.Parse(text);
            act.Should().Throw<FilterSyntaxException>();
            return;
        }

        ((Condition)FilterParser.Parse(text)).Value.AsText().Should().Be(expected);
    }

    [Theory]
    [InlineData("score = -5", -5)]
    [InlineData("score = 2.5", 2.5)]
    [InlineData("score = 1E+20", 1e20)]
    [InlineData("score = 1e-5", 1e-5)]
    [InlineData("score = 0500", 500)]
    public void Parse_NumberLiterals_AreNumeric(string text, double expected) =>
        ((Condition)FilterParser.Parse(text)).Value.AsNumber().Should().Be(expected);

    [Fact]
    public void Parse_DateTimeLiteral_IsUtcInstant()
    {
        var value = ((Condition)FilterParser.Parse("signed_up_at > 2026-01-31T09:30:00+02:00")).Value;
        value.AsDateTime().Should().Be(new DateTimeOffset(2026, 1, 31, 7, 30, 0, TimeSpan.Zero));
        ((Condition)FilterParser.Parse("signed_up_at > 2026-01-31T09:30:00.25Z")).Value.AsDateTime().Millisecond.Should().Be(250);
    }

    [Fact]
    public void Parse_WhitespaceAndNewlines_AreIgnored() =>
        FilterParser.Parse("\n  title\tcontains   \"x\"\r\n and\nscore>1  ").ToString().Should().Be("title contains \"x\" and score > 1");

    [Fact]
    public void Parse_DeepNesting_KeepsShape()
    {
        var text = "a is empty";
        for (var i = 0; i < 60; i++)
        {
            text = $"not ({text} or b{i} is empty)";
        }

        var filter = FilterParser.Parse(text);
        filter.ToString().Should().Be(text);
        FilterParser.Parse(filter.ToString()).Should().Be(filter);
    }
}
