using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterModelTests
{
    private static readonly FieldValue Vp = FieldValue.FromText("VP");

    [Fact]
    public void Equality_TreesBuiltAlike_AreEqualWithEqualHashes()
    {
        Filter Build() => Filter.And(
            Condition.Compare("title", FilterOperator.Contains, Vp),
            Filter.Or(Condition.In("industry", [FieldValue.FromText("SaaS"), FieldValue.FromText("Fintech")]), Condition.IsEmpty("industry")),
            new RelatedFilter("opportunities", Quantifier.Any, Condition.Between("amount", FieldValue.FromNumber(1), FieldValue.FromNumber(2))),
            Filter.Not(Condition.WithinLast("signed_up_at", new RelativeDuration(90, DurationUnit.Day))));

        Build().Should().Be(Build());
        Build().GetHashCode().Should().Be(Build().GetHashCode());
    }

    [Fact]
    public void Equality_DifferentValuesOrOrder_AreNotEqual()
    {
        var a = Condition.In("industry", [FieldValue.FromText("a"), FieldValue.FromText("b")]);
        var b = Condition.In("industry", [FieldValue.FromText("b"), FieldValue.FromText("a")]);
        a.Should().NotBe(b);
        Filter.And(a, b).Should().NotBe(Filter.And(b, a));
        Filter.And(a, b).Should().NotBe(Filter.Or(a, b));
    }

    [Fact]
    public void AndOr_SingleFilter_ReturnsItUnwrapped()
    {
        var condition = Condition.IsEmpty("title");
        Filter.And(condition).Should().BeSameAs(condition);
        Filter.Or(condition).Should().BeSameAs(condition);
    }

    [Fact]
    public void FilterGroup_FewerThanTwoFilters_Throws()
    {
        var act = () => new FilterGroup(LogicalOperator.And, [Condition.IsEmpty("title")]);
        act.Should().Throw<ArgumentException>().WithMessage("*at least two*");
    }

    [Fact]
    public void Compare_EmptyOrListValue_Throws()
    {
        var empty = () => Condition.Compare("title", FilterOperator.Equal, FieldValue.Empty);
        var list = () => Condition.Compare("title", FilterOperator.Equal, FieldValue.FromList(["a"]));
        empty.Should().Throw<ArgumentException>().WithMessage("*is empty*");
        list.Should().Throw<ArgumentException>().WithMessage("*list*");
    }

    [Fact]
    public void Compare_OperatorOfOtherShape_Throws()
    {
        var act = () => Condition.Compare("amount", FilterOperator.Between, FieldValue.FromNumber(1));
        act.Should().Throw<ArgumentException>().WithMessage("*'between' takes two values*");
    }

    [Fact]
    public void Create_WrongValueCount_Throws()
    {
        var act = () => Condition.Create("amount", FilterOperator.Between, [FieldValue.FromNumber(1)]);
        act.Should().Throw<ArgumentException>().WithMessage("*two values*not 1*");
    }

    [Fact]
    public void Value_OfRangeCondition_Throws()
    {
        var condition = Condition.Between("amount", FieldValue.FromNumber(1), FieldValue.FromNumber(2));
        var act = () => condition.Value;
        act.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b.c")]
    [InlineData("1abc")]
    [InlineData("and")]
    [InlineData("has-dash")]
    public void FieldPath_Malformed_Throws(string path)
    {
        var act = () => new FieldPath(path);
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void FieldPath_Linked_SplitsEntityAndField()
    {
        var path = new FieldPath("company.employee_count");
        path.Entity.Should().Be("company");
        path.Field.Should().Be("employee_count");
        new FieldPath("title").Entity.Should().BeNull();
    }

    [Theory]
    [InlineData("90d", 90, DurationUnit.Day)]
    [InlineData("2W", 2, DurationUnit.Week)]
    [InlineData("6m", 6, DurationUnit.Month)]
    [InlineData("1y", 1, DurationUnit.Year)]
    public void RelativeDuration_TryParse_ReadsUnits(string text, int amount, DurationUnit unit)
    {
        RelativeDuration.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(new RelativeDuration(amount, unit));
    }

    [Theory]
    [InlineData("0d")]
    [InlineData("d")]
    [InlineData("5x")]
    [InlineData("-5d")]
    public void RelativeDuration_TryParse_RejectsBadText(string text) =>
        RelativeDuration.TryParse(text, out _).Should().BeFalse();

    [Fact]
    public void RelativeDuration_Before_CountsCalendarMonthsAndYears()
    {
        var now = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
        new RelativeDuration(1, DurationUnit.Month).Before(now).Should().Be(new DateTimeOffset(2026, 2, 28, 12, 0, 0, TimeSpan.Zero));
        new RelativeDuration(1, DurationUnit.Year).Before(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero))
            .Should().Be(new DateTimeOffset(2027, 2, 28, 0, 0, 0, TimeSpan.Zero));
        new RelativeDuration(2, DurationUnit.Week).Before(now).Should().Be(now.AddDays(-14));
    }

    [Fact]
    public void Operators_NegativeForms_ComplementTheirPositive()
    {
        FilterOperator.NotEqual.Positive().Should().Be(FilterOperator.Equal);
        FilterOperator.NotIn.Positive().Should().Be(FilterOperator.In);
        FilterOperator.NotContains.Positive().Should().Be(FilterOperator.Contains);
        FilterOperator.IsNotEmpty.Positive().Should().Be(FilterOperator.IsEmpty);
        FilterOperator.NotWithinLast.Positive().Should().Be(FilterOperator.WithinLast);
        Enum.GetValues<FilterOperator>().Count(o => o.IsNegative()).Should().Be(5);
    }
}
