using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

public class PhraseFilterInterpreterTests
{
    private readonly PhraseFilterInterpreter _interpreter = new();

    [Theory]
    [InlineData("employee count less than 500", "employee_count < 500")]
    [InlineData("employees at most 200", "employee_count <= 200")]
    [InlineData("headcount more than 1,000", "employee_count > 1000")]
    [InlineData("employee count is at least 50", "employee_count >= 50")]
    [InlineData("more than 500 employees", "employee_count > 500")]
    [InlineData("companies with fewer than 50 employees", "employee_count < 50")]
    [InlineData("employee count between 50 and 200", "employee_count between 50 and 200")]
    [InlineData("annual revenue over $1.5m", "annual_revenue > 1500000")]
    [InlineData("annual revenue 10k or more", "annual_revenue >= 10000")]
    [InlineData("annual revenue 2 million or less", "annual_revenue <= 2000000")]
    [InlineData("industry is SaaS", "industry = \"SaaS\"")]
    [InlineData("industry is SaaS or Fintech", "industry in [\"SaaS\", \"Fintech\"]")]
    [InlineData("industry is one of SaaS, Fintech, or Healthcare", "industry in [\"SaaS\", \"Fintech\", \"Healthcare\"]")]
    [InlineData("industry is not Retail", "industry != \"Retail\"")]
    [InlineData("industry is neither Retail nor Banking", "industry not in [\"Retail\", \"Banking\"]")]
    [InlineData("industry equals \"Real Estate\"", "industry = \"Real Estate\"")]
    [InlineData("raised funding in the last 6 months", "last_funding_date within last 6m")]
    [InlineData("last funding date not in the last year", "last_funding_date not within last 1y")]
    [InlineData("technologies include Salesforce", "technologies contains \"Salesforce\"")]
    [InlineData("is public is true", "is_public = true")]
    [InlineData("is public", "is_public = true")]
    [InlineData("domain is missing", "domain is empty")]
    [InlineData("founded year is 2015", "founded_year = 2015")]
    public void Interpret_CompanyForms(string text, string expected) =>
        _interpreter.Interpret(text, EntityKind.Company, TestCatalog.Instance).ToString().Should().Be(expected);

    [Theory]
    [InlineData("title contains VP", "title contains \"VP\"")]
    [InlineData("people whose job title contains CTO", "title contains \"CTO\"")]
    [InlineData("job title does not contain intern", "title not contains \"intern\"")]
    [InlineData("title starts with Head of", "title starts with \"Head of\"")]
    [InlineData("title ends with Engineer.", "title ends with \"Engineer\"")]
    [InlineData("has no work email", "work_email is empty")]
    [InlineData("is missing a linkedin", "linkedin_url is empty")]
    [InlineData("without email", "work_email is empty")]
    [InlineData("has a work email", "work_email is not empty")]
    [InlineData("title is known", "title is not empty")]
    [InlineData("signup date within the past two weeks", "signed_up_at within last 2w")]
    [InlineData("signup date in the last 90 days", "signed_up_at within last 90d")]
    [InlineData("signup date in the last month", "signed_up_at within last 1m")]
    [InlineData("signup date before 2026-01-31", "signed_up_at before 2026-01-31")]
    [InlineData("signup date after January 31, 2026", "signed_up_at after 2026-01-31")]
    [InlineData("signup date since 5 March 2025", "signed_up_at after 2025-03-05")]
    [InlineData("signup date after Jan 2026", "signed_up_at after 2026-01-01")]
    [InlineData("signup date prior to 2026", "signed_up_at before 2026-01-01")]
    [InlineData("is customer is false", "is_customer = false")]
    [InlineData("is customer", "is_customer = true")]
    [InlineData("score is 5", "score = 5")]
    [InlineData("score >= 3", "score >= 3")]
    [InlineData("company employee count less than 500", "company.employee_count < 500")]
    [InlineData("company's industry is SaaS", "company.industry = \"SaaS\"")]
    [InlineData("  TITLE   CONTAINS   vp  ", "title contains \"vp\"")]
    public void Interpret_PersonForms(string text, string expected) =>
        _interpreter.Interpret(text, EntityKind.Person, TestCatalog.Instance).ToString().Should().Be(expected);

    [Fact]
    public async Task InterpretAsync_ReturnsOneBoundCondition()
    {
        IFilterInterpreter interpreter = _interpreter;
        var condition = await interpreter.InterpretAsync("employee count less than 500", EntityKind.Company, TestCatalog.Instance);
        condition.Should().Be(Condition.Compare("employee_count", FilterOperator.LessThan, FieldValue.FromNumber(500)));
        FilterBinder.Bind(condition, EntityKind.Company, TestCatalog.Instance).Filter.Should().Be(condition);
    }

    [Fact]
    public async Task InterpretAsync_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var act = () => _interpreter.InterpretAsync("title contains VP", EntityKind.Person, TestCatalog.Instance, cancellation.Token);
        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Interpret_NoKnownField_ListsTheKnownFields()
    {
        var act = () => _interpreter.Interpret("likes pizza", EntityKind.Person, TestCatalog.Instance);
        var error = act.Should().Throw<FilterInterpretationException>().Which;
        error.Message.Should().StartWith("Could not turn \"likes pizza\" into a condition: it names no known field. Known fields for people: first_name, ");
        error.Message.Should().Contain("title (Job title)").And.Contain("work_email (Work email)").And.Contain("less than N");
        error.KnownFields.Should().Contain(["title", "work_email", "score"]);
        error.Text.Should().Be("likes pizza");
    }

    [Fact]
    public void Interpret_KnownFieldButUnknownPhrasing_NamesTheFieldAndTheForms()
    {
        var act = () => _interpreter.Interpret("title resembles VP", EntityKind.Person, TestCatalog.Instance);
        act.Should().Throw<FilterInterpretationException>()
            .WithMessage("Could not turn \"title resembles VP\" into a condition on 'title': 'resembles VP' is not a condition I know. Known fields for people: *");
    }

    [Fact]
    public void Interpret_ValueOfWrongType_SaysWhy()
    {
        var act = () => _interpreter.Interpret("employee count less than lots", EntityKind.Company, TestCatalog.Instance);
        act.Should().Throw<FilterInterpretationException>().WithMessage("*on 'employee_count': 'lots' is not a number.*");
    }

    [Fact]
    public void Interpret_OperatorNotForFieldType_SaysWhy()
    {
        var act = () => _interpreter.Interpret("title less than 5", EntityKind.Person, TestCatalog.Instance);
        act.Should().Throw<FilterInterpretationException>().WithMessage("*on 'title': The operator '<' does not apply to the text field 'title'*");
    }

    [Fact]
    public void Interpret_CustomSynonyms_NameFields()
    {
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(FieldSynonyms.Default.ToDictionary()) { ["points"] = ["score"] };
        new PhraseFilterInterpreter(synonyms).Interpret("points above 10", EntityKind.Person, TestCatalog.Instance)
            .ToString().Should().Be("score > 10");
    }
}
