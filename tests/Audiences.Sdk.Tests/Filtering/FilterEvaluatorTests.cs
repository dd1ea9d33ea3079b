using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
    private readonly FilterEvaluator _evaluator = new(new FakeTimeProvider(Now));

    private static FilterRecord Record(params (string Key, FieldValue Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    private static FieldValue T(string s) => FieldValue.FromText(s);

    private static FieldValue N(double d) => FieldValue.FromNumber(d);

    private static FieldValue At(int y, int m, int d, int h = 0) => FieldValue.FromDateTime(new DateTimeOffset(y, m, d, h, 0, 0, TimeSpan.Zero));

    private bool Matches(EntityKind kind, string filter, IFilterRecord record) =>
        _evaluator.Matches(FilterParser.Parse(filter, kind, TestCatalog.Instance), record);

    private bool Person(string filter, FieldValue value, string field) => Matches(EntityKind.Person, filter, Record((field, value)));

    [Theory]
    [InlineData("title = \"cto\"", "CTO", true)]
    [InlineData("title = \"élodie\"", "ÉLODIE", true)]
    [InlineData("title = \"straße\"", "STRAßE", true)]
    [InlineData("title = \"ΟΔΟΣ\"", "οδος", true)]
    [InlineData("title = \"CTO\"", "CTO ", false)]
    [InlineData("title != \"cto\"", "CTO", false)]
    [InlineData("title != \"cto\"", "CEO", true)]
    [InlineData("title contains \"vp\"", "SVP Sales", true)]
    [InlineData("title contains \"vp\"", "Director", false)]
    [InlineData("title not contains \"vp\"", "SVP", false)]
    [InlineData("title starts with \"head\"", "Head of Ops", true)]
    [InlineData("title starts with \"ops\"", "Head of Ops", false)]
    [InlineData("title ends with \"OPS\"", "Head of Ops", true)]
    [InlineData("title ends with \"head\"", "Head of Ops", false)]
    [InlineData("title in [\"ceo\", \"cto\"]", "CTO", true)]
    [InlineData("title in [\"ceo\", \"cto\"]", "CFO", false)]
    [InlineData("title not in [\"ceo\", \"cto\"]", "CFO", true)]
    public void Text_Operators_IgnoreCaseForAllOfUnicode(string filter, string value, bool expected) =>
        Person(filter, T(value), "title").Should().Be(expected);

    [Fact]
    public void Text_ComposedAndDecomposedAccents_AreEqual() =>
        Person("title = \"e\u0301lodie\"", T("\u00c9lodie"), "title").Should().BeTrue();

    [Theory]
    [InlineData("score = 500", 500, true)]
    [InlineData("score = \"0500\"", 500, true)]
    [InlineData("score != 500", 500, false)]
    [InlineData("score < 10", 9.99, true)]
    [InlineData("score < 10", 10, false)]
    [InlineData("score <= 10", 10, true)]
    [InlineData("score > 10", 10, false)]
    [InlineData("score > 9", 10, true)]
    [InlineData("score >= 10", 10, true)]
    [InlineData("score >= 10", 9, false)]
    [InlineData("score between 1 and 10", 1, true)]
    [InlineData("score between 1 and 10", 10, true)]
    [InlineData("score between 1 and 10", 10.5, false)]
    [InlineData("score between 1 and 10", 0.5, false)]
    [InlineData("score in [1, 2, 3]", 2, true)]
    [InlineData("score in [1, 2, 3]", 4, false)]
    [InlineData("score not in [1, 2, 3]", 4, true)]
    [InlineData("score > 2", 10, true)]
    public void Number_Operators_CompareNumerically(string filter, double value, bool expected) =>
        Person(filter, N(value), "score").Should().Be(expected);

    [Theory]
    [InlineData("is_customer = true", true, true)]
    [InlineData("is_customer = true", false, false)]
    [InlineData("is_customer != true", false, true)]
    [InlineData("is_customer = false", false, true)]
    public void Boolean_Operators_CompareValues(string filter, bool value, bool expected) =>
        Person(filter, FieldValue.FromBoolean(value), "is_customer").Should().Be(expected);

    [Theory]
    [InlineData("signed_up_at = 2026-01-31", 2026, 1, 31, 0, true)]
    [InlineData("signed_up_at = 2026-01-31", 2026, 1, 31, 5, false)]
    [InlineData("signed_up_at before 2026-01-31", 2026, 1, 30, 23, true)]
    [InlineData("signed_up_at before 2026-01-31", 2026, 1, 31, 0, false)]
    [InlineData("signed_up_at after 2026-01-31", 2026, 1, 31, 1, true)]
    [InlineData("signed_up_at after 2026-01-31", 2026, 1, 31, 0, false)]
    [InlineData("signed_up_at < 2026-01-31", 2026, 1, 30, 0, true)]
    [InlineData("signed_up_at <= 2026-01-31", 2026, 1, 31, 0, true)]
    [InlineData("signed_up_at > 2026-01-31", 2026, 1, 31, 0, false)]
    [InlineData("signed_up_at >= 2026-01-31", 2026, 1, 31, 0, true)]
    [InlineData("signed_up_at between 2026-01-01 and 2026-01-31", 2026, 1, 31, 0, true)]
    [InlineData("signed_up_at between 2026-01-01 and 2026-01-31", 2026, 1, 31, 1, false)]
    [InlineData("signed_up_at > 2026-01-31T09:00:00+02:00", 2026, 1, 31, 8, true)]
    public void DateTime_Operators_CompareUtcInstants(string filter, int y, int m, int d, int h, bool expected) =>
        Person(filter, At(y, m, d, h), "signed_up_at").Should().Be(expected);

    [Theory]
    [InlineData("90d", 2025, 12, 31, 12, true)]
    [InlineData("90d", 2025, 12, 31, 11, false)]
    [InlineData("1w", 2026, 3, 24, 12, true)]
    [InlineData("1w", 2026, 3, 24, 11, false)]
    [InlineData("1m", 2026, 2, 28, 12, true)]
    [InlineData("1m", 2026, 2, 28, 11, false)]
    [InlineData("1y", 2025, 3, 31, 12, true)]
    [InlineData("1y", 2025, 3, 31, 11, false)]
    [InlineData("1d", 2026, 3, 31, 12, true)]
    [InlineData("1d", 2026, 4, 1, 0, false)]
    public void WithinLast_CountsFromNowBack_InclusiveAtBothEnds(string duration, int y, int m, int d, int h, bool expected)
    {
        Person($"signed_up_at within last {duration}", At(y, m, d, h), "signed_up_at").Should().Be(expected);
        Person($"signed_up_at not within last {duration}", At(y, m, d, h), "signed_up_at").Should().Be(!expected);
    }

    [Fact]
    public void WithinLast_ReadsNowFromTheTimeProvider()
    {
        var clock = new FakeTimeProvider(Now);
        var evaluator = new FilterEvaluator(clock);
        var filter = FilterParser.Parse("signed_up_at within last 1d", EntityKind.Person, TestCatalog.Instance);
        var record = Record(("signed_up_at", At(2026, 3, 31)));
        evaluator.Matches(filter, record).Should().BeTrue();
        clock.Advance(TimeSpan.FromDays(2));
        evaluator.Matches(filter, record).Should().BeFalse();
    }

    public static TheoryData<string, bool> EmptyRules => new()
    {
        { "title = \"x\"", false },
        { "title != \"x\"", true },
        { "title contains \"x\"", false },
        { "title not contains \"x\"", true },
        { "title starts with \"x\"", false },
        { "title ends with \"x\"", false },
        { "title in [\"x\"]", false },
        { "title not in [\"x\"]", true },
        { "title is empty", true },
        { "title is not empty", false },
        { "score < 1", false },
        { "score <= 1", false },
        { "score > 1", false },
        { "score >= 1", false },
        { "score between 1 and 2", false },
        { "is_customer = false", false },
        { "is_customer != true", true },
        { "signed_up_at before 2026-01-01", false },
        { "signed_up_at after 2026-01-01", false },
        { "signed_up_at within last 90d", false },
        { "signed_up_at not within last 90d", true },
        { "not title = \"x\"", true },
        { "tags = \"x\"", false },
        { "tags != \"x\"", true },
        { "company.employee_count < 500", false },
        { "company.employee_count is empty", true },
    };

    [Theory]
    [MemberData(nameof(EmptyRules))]
    public void EmptyValue_PositiveIsFalse_NegativeIsTrue(string filter, bool expected) =>
        Matches(EntityKind.Person, filter, Record()).Should().Be(expected);

    [Theory]
    [InlineData("tags = \"vip\"", true)]
    [InlineData("tags = \"VIP\"", true)]
    [InlineData("tags = \"partner\"", false)]
    [InlineData("tags != \"vip\"", false)]
    [InlineData("tags != \"partner\"", true)]
    [InlineData("tags contains \"ear\"", true)]
    [InlineData("tags not contains \"ear\"", false)]
    [InlineData("tags starts with \"EARLY\"", true)]
    [InlineData("tags ends with \"adopter\"", true)]
    [InlineData("tags ends with \"vip \"", false)]
    [InlineData("tags in [\"partner\", \"vip\"]", true)]
    [InlineData("tags in [\"partner\"]", false)]
    [InlineData("tags not in [\"partner\"]", true)]
    [InlineData("tags not in [\"partner\", \"vip\"]", false)]
    [InlineData("tags is not empty", true)]
    public void TextList_MatchesWhenAnyItemMatches_NegativesAreComplements(string filter, bool expected) =>
        Person(filter, FieldValue.FromList(["vip", "early-adopter"]), "tags").Should().Be(expected);

    [Fact]
    public void Groups_AndOrNot_CombineTwoValued()
    {
        var record = Record(("title", T("VP Sales")), ("score", N(5)));
        Matches(EntityKind.Person, "title contains \"vp\" and score > 1", record).Should().BeTrue();
        Matches(EntityKind.Person, "title contains \"vp\" and score > 10", record).Should().BeFalse();
        Matches(EntityKind.Person, "title contains \"cto\" or score > 1", record).Should().BeTrue();
        Matches(EntityKind.Person, "not (title contains \"cto\" or score > 10)", record).Should().BeTrue();
        Matches(EntityKind.Person, "not (seniority = \"x\")", record).Should().BeTrue();
    }

    [Fact]
    public void DeepNesting_EvaluatesEveryLevel()
    {
        var text = "score = 1";
        for (var i = 0; i < 50; i++)
        {
            text = i % 2 == 0 ? $"not ({text} and score > 0)" : $"({text} or title = \"never\")";
        }

        // 25 negations of a true core: an odd count makes it false.
        Matches(EntityKind.Person, text, Record(("score", N(1)))).Should().BeFalse();
        Matches(EntityKind.Person, $"not ({text})", Record(("score", N(1)))).Should().BeTrue();
    }

    private static FilterRecord CompanyWith(params (string Stage, double Amount)[] opportunities) =>
        new(new Dictionary<string, FieldValue> { ["name"] = T("Acme") })
        {
            Related = new Dictionary<string, IReadOnlyList<IFilterRecord>>
            {
                ["opportunities"] = opportunities.Select(o => (IFilterRecord)Record(("stage", T(o.Stage)), ("amount", N(o.Amount)))).ToArray(),
            },
        };

    [Theory]
    [InlineData("any", true)]
    [InlineData("all", false)]
    [InlineData("none", false)]
    public void Quantifier_SomeMatching(string quantifier, bool expected) =>
        Matches(EntityKind.Company, $"opportunities.{quantifier}(stage = \"Closed Won\" and amount > 50000)", CompanyWith(("closed won", 60000), ("Open", 90000)))
            .Should().Be(expected);

    [Fact]
    public void Quantifier_BothConditionsMustHoldOnTheSameRecord() =>
        Matches(EntityKind.Company, "opportunities.any(stage = \"Closed Won\" and amount > 50000)", CompanyWith(("Closed Won", 100), ("Open", 90000)))
            .Should().BeFalse();

    [Theory]
    [InlineData("any", false)]
    [InlineData("all", true)]
    [InlineData("none", true)]
    public void Quantifier_NoRelatedRecords(string quantifier, bool expected) =>
        Matches(EntityKind.Company, $"opportunities.{quantifier}(amount > 1)", CompanyWith()).Should().Be(expected);

    [Fact]
    public void Quantifier_AllMatching_AllIsTrue() =>
        Matches(EntityKind.Company, "opportunities.all(amount > 1)", CompanyWith(("a", 2), ("b", 3))).Should().BeTrue();

    [Fact]
    public void LinkedField_ReadsTheLinkedRecord()
    {
        var person = new FilterRecord(new Dictionary<string, FieldValue>())
        {
            Linked = new Dictionary<string, IFilterRecord> { ["company"] = Record(("employee_count", N(120))) },
        };
        Matches(EntityKind.Person, "company.employee_count < 500", person).Should().BeTrue();
        Matches(EntityKind.Person, "company.employee_count > 500", person).Should().BeFalse();
    }

    [Fact]
    public void FromProfile_ExposesValuesRelatedRecordsAndCompany()
    {
        var key = new SourceRecordKey("crm", "contact", "1");
        Profile Make(EntityKind kind, params (string Key, FieldValue Value)[] values) => new(
            new ProfileId(1), kind, 1, Now,
            values.ToDictionary(v => v.Key, v => new ProfileValue(v.Value, key, SourceKind.Crm, Now)), [], []);

        var company = Make(EntityKind.Company, ("employee_count", N(50)));
        var person = Make(EntityKind.Person, ("title", T("CTO")));
        var activity = new RelatedRecord(key, "activities", EntityKind.Person, new Dictionary<string, FieldValue> { ["type"] = T("call") });
        var record = FilterRecord.FromProfile(person, [activity], company);
        Matches(EntityKind.Person, "title = \"cto\" and company.employee_count < 500 and activities.any(type = \"Call\")", record).Should().BeTrue();
    }
}
