using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterBinderTests
{
    private static BoundFilter Person(string text) => FilterParser.Parse(text, EntityKind.Person, TestCatalog.Instance);

    private static BoundFilter Company(string text) => FilterParser.Parse(text, EntityKind.Company, TestCatalog.Instance);

    private static FilterBindingException PersonError(string text)
    {
        var act = () => Person(text);
        return act.Should().Throw<FilterBindingException>().Which;
    }

    private static FilterBindingException CompanyError(string text)
    {
        var act = () => Company(text);
        return act.Should().Throw<FilterBindingException>().Which;
    }

    [Fact]
    public void Bind_UnknownField_ReportsPositionAndSuggestion()
    {
        var error = PersonError("score > 1 and titel contains \"VP\"");
        error.Message.Should().StartWith("Unknown field 'titel' for people at line 1, column 15: expected one of ");
        error.Message.Should().EndWith("found 'titel'. Did you mean 'title'?");
        error.Suggestion.Should().Be("title");
        error.Position!.Value.Offset.Should().Be(14);
        error.Field.Should().Be("titel");
    }

    [Fact]
    public void Bind_UnknownFieldFarFromAnyName_HasNoSuggestion()
    {
        var error = PersonError("zzzzzzzz = 1");
        error.Suggestion.Should().BeNull();
        error.Message.Should().NotContain("Did you mean");
    }

    [Fact]
    public void Bind_TransposedLetters_CountAsOneEdit() =>
        PersonError("socre > 1").Suggestion.Should().Be("score");

    [Fact]
    public void Bind_OperatorNotForType_ReportsOperatorPositionAndValidOperators()
    {
        var error = CompanyError("employee_count contains \"x\"");
        error.Message.Should().Be(
            "The operator 'contains' does not apply to the number field 'employee_count' at line 1, column 16: "
            + "expected one of =, !=, <, <=, >, >=, between, in, not in, is empty, is not empty, found 'contains'.");
        error.Position!.Value.Offset.Should().Be(15);
    }

    [Theory]
    [InlineData("title < \"x\"", "'<'")]
    [InlineData("is_customer > true", "'>'")]
    [InlineData("score within last 5d", "'within last'")]
    [InlineData("tags between 1 and 2", "'between'")]
    [InlineData("signed_up_at contains \"2026\"", "'contains'")]
    public void Bind_OperatorsOutsideTheirTypes_AreErrors(string text, string found) =>
        PersonError(text).Found.Should().Be(found);

    [Fact]
    public void Bind_WrongValueType_ReportsValuePosition()
    {
        var error = CompanyError("employee_count > \"many\"");
        error.Message.Should().Be(
            "The value for the number field 'employee_count' has the wrong type at line 1, column 18: expected a number such as 500, found text \"many\".");
        error.Position!.Value.Offset.Should().Be(17);
    }

    [Theory]
    [InlineData("title = 5", "quoted text such as \"VP\"")]
    [InlineData("is_customer = \"maybe\"", "true or false")]
    [InlineData("signed_up_at > 5", "a date such as 2026-01-31 or 2026-01-31T09:30:00Z")]
    [InlineData("score in [1, \"x\"]", "a number such as 500")]
    public void Bind_ValuesOfWrongType_AreErrors(string text, string expected) =>
        PersonError(text).Expected.Should().Be(expected);

    [Fact]
    public void Bind_TextThatReadsAsTheFieldType_IsConverted()
    {
        var filter = (FilterGroup)Person("score = \"0500\" and signed_up_at > \"2026-01-31\" and is_customer = \"yes\"").Filter;
        ((Condition)filter.Filters[0]).Value.Should().Be(FieldValue.FromNumber(500));
        ((Condition)filter.Filters[1]).Value.Should().Be(FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero)));
        ((Condition)filter.Filters[2]).Value.Should().Be(FieldValue.FromBoolean(true));
    }

    [Fact]
    public void Bind_NamesInOtherCase_AreSpeltAsTheCatalog() =>
        Person("TITLE = \"x\" and Company.Employee_Count > 5").ToString().Should().Be("title = \"x\" and company.employee_count > 5");

    [Fact]
    public void Bind_LinkedField_ReadsTheLinkedKindsCatalog()
    {
        var bound = Person("company.employee_count < 500");
        bound.GetField((Condition)bound.Filter).Kind.Should().Be(EntityKind.Company);
    }

    [Fact]
    public void Bind_UnknownLinkedEntity_SuggestsTheKnownOne()
    {
        var error = PersonError("compny.employee_count < 500");
        error.Message.Should().StartWith("Unknown linked entity 'compny' for people at line 1, column 1");
        error.Suggestion.Should().Be("company");
    }

    [Fact]
    public void Bind_UnknownFieldOfLinkedEntity_NamesTheLink() =>
        PersonError("company.employe_count < 500").Message.Should().StartWith("Unknown field 'employe_count' for the linked company").And.EndWith("Did you mean 'employee_count'?");

    [Fact]
    public void Bind_RelatedFieldWithoutQuantifier_SaysToUseOne()
    {
        var error = CompanyError("opportunities.amount > 5");
        error.Message.Should().Be(
            "'opportunities' are related records and need a quantifier at line 1, column 1: expected opportunities.any(amount ...), .all(...) or .none(...), found 'opportunities.amount'.");
    }

    [Fact]
    public void Bind_Quantifier_BindsInnerAgainstTheRelatedFields()
    {
        var bound = Company("opportunities.any(stage = \"Closed Won\" and amount > \"50000\")");
        bound.ToString().Should().Be("opportunities.any(stage = \"Closed Won\" and amount > 50000)");
        var error = CompanyError("opportunities.any(employee_count > 5)");
        error.Message.Should().StartWith("Unknown field 'employee_count' for opportunities records at line 1, column 19");
    }

    [Fact]
    public void Bind_UnknownCollection_Suggests()
    {
        var error = CompanyError("oportunities.any(amount > 5)");
        error.Suggestion.Should().Be("opportunities");
        error.Position!.Value.Offset.Should().Be(0);
    }

    [Fact]
    public void Bind_QuantifierOnAKindWithoutCollections_SaysNoneAreDeclared()
    {
        var catalog = new FilterCatalog(TestCatalog.Instance.GetFields(EntityKind.Person));

        var error = FluentActions.Invoking(() => FilterParser.Parse("score > 1 and opportunities.any(amount > 5)", EntityKind.Person, catalog))
            .Should().Throw<FilterBindingException>().Which;

        error.Message.Should().StartWith("The catalog declares no related record collections for people, so 'opportunities' is unknown");
        error.Position!.Value.Offset.Should().Be(14);
    }

    [Fact]
    public void Bind_NestedQuantifier_IsAnError() =>
        CompanyError("opportunities.any(opportunities.any(amount > 1))").Message.Should().StartWith("Related records cannot be nested in opportunities records");

    [Fact]
    public void Bind_ReversedRange_IsAnError() =>
        PersonError("score between 10 and 1").Message.Should().Be(
            "The range of 'score' is reversed at line 1, column 15: expected the lower bound first, found 10 and 1.");

    [Fact]
    public void Bind_TreeBuiltInCode_HasNoPositionButSameChecks()
    {
        var act = () => FilterBinder.Bind(Condition.Compare("titel", FilterOperator.Equal, FieldValue.FromText("x")), EntityKind.Person, TestCatalog.Instance);
        var error = act.Should().Throw<FilterBindingException>().Which;
        error.Position.Should().BeNull();
        error.Message.Should().StartWith("Unknown field 'titel' for people: expected one of");
    }

    [Fact]
    public void Bind_TextList_AcceptsTextOperators()
    {
        Person("tags = \"vip\" and tags contains \"v\" and tags in [\"a\", \"b\"] and tags is empty").Filter.Should().BeOfType<FilterGroup>();
    }

    [Fact]
    public void GetField_ConditionOfAnotherTree_Throws()
    {
        var bound = Person("title = \"x\"");
        var act = () => bound.GetField(Condition.Compare("title", FilterOperator.Equal, FieldValue.FromText("x")));
        act.Should().Throw<ArgumentException>();
    }
}
