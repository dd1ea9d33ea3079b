using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Tests.Filtering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.AI.Tests;

public class ChatFilterInterpreterTests
{
    [Theory]
    [InlineData("""{"field":"employee_count","op":"<","value":500}""", "employee_count < 500")]
    [InlineData("""{"field":"Employee_Count","op":">=","value":"1000"}""", "employee_count >= 1000")]
    [InlineData("""{"field":"industry","op":"in","values":["SaaS","Fintech"]}""", "industry in [\"SaaS\", \"Fintech\"]")]
    [InlineData("""{"field":"annual_revenue","op":"between","values":[10000,50000]}""", "annual_revenue between 10000 and 50000")]
    [InlineData("""{"field":"last_funding_date","op":"within_last","duration":"6m"}""", "last_funding_date within last 6m")]
    [InlineData("""{"field":"last_funding_date","op":"before","value":"2026-01-31"}""", "last_funding_date before 2026-01-31")]
    [InlineData("""{"field":"last_funding_date","op":"after","value":{"date":"2025-06-01"}}""", "last_funding_date after 2025-06-01")]
    [InlineData("""{"field":"is_public","op":"=","value":true}""", "is_public = true")]
    [InlineData("""{"field":"domain","op":"is_empty"}""", "domain is empty")]
    [InlineData("""{"field":"technologies","op":"contains","value":"Salesforce"}""", "technologies contains \"Salesforce\"")]
    public async Task InterpretAsync_ValidAnswer_ReturnsBoundCondition(string answer, string expected)
    {
        var condition = await Interpret(answer, "some plain-language condition", EntityKind.Company);

        condition.ToString().Should().Be(expected);
        FilterBinder.Bind(condition, EntityKind.Company, TestCatalog.Instance).Filter.Should().Be(condition);
    }

    [Theory]
    [InlineData("""{"field":"title","op":"not contains","value":"intern"}""", "title not contains \"intern\"")]
    [InlineData("""{"field":"company.employee_count","op":"<","value":500}""", "company.employee_count < 500")]
    [InlineData("```json\n{\"field\":\"work_email\",\"op\":\"is_not_empty\"}\n```", "work_email is not empty")]
    [InlineData("""{"field":"score","op":">","value":3,"values":null,"duration":null,"error":null}""", "score > 3")]
    public async Task InterpretAsync_LenientForms_AreAccepted(string answer, string expected)
    {
        var condition = await Interpret(answer, "anything", EntityKind.Person);

        condition.ToString().Should().Be(expected);
    }

    [Fact]
    public async Task InterpretAsync_SendsCatalogAndTextAndSchema()
    {
        var client = new FakeChatClient("""{"field":"employee_count","op":"<","value":500}""");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero));
        var interpreter = new ChatFilterInterpreter(client, new() { ChatOptions = new() { ModelId = "small", Temperature = 0 } }, time);

        await interpreter.InterpretAsync("fewer than 500 staff", EntityKind.Company, TestCatalog.Instance);

        client.Messages.Should().HaveCount(2);
        client.Messages[1].Role.Should().Be(ChatRole.User);
        client.Messages[1].Text.Should().Be("fewer than 500 staff");
        client.SystemPrompt.Should()
            .Contain("- employee_count | number | Employee count | ")
            .And.Contain("headcount")
            .And.Contain("- industry | text | industry | industry, sector, vertical")
            .And.Contain("- last_funding_date | date-time |")
            .And.Contain("- technologies | list of text |")
            .And.Contain("- number: =, !=, <, <=, >, >=, between, in, not_in, is_empty, is_not_empty")
            .And.Contain("- boolean: =, !=, is_empty, is_not_empty")
            .And.Contain("Today is 2026-03-14")
            .And.Contain("One condition only")
            .And.NotContain("opportunities", "related records need a quantifier, which one condition cannot have")
            .And.NotContain("title", "people's fields are not offered for companies");
        client.Options!.ModelId.Should().Be("small");
        client.Options.Temperature.Should().Be(0);
        var format = client.Options.ResponseFormat.Should().BeOfType<ChatResponseFormatJson>().Subject;
        format.Schema.Should().NotBeNull();
        var schema = format.Schema!.Value.GetRawText();
        schema.Should().Contain("\"employee_count\"").And.Contain("\"not_within_last\"").And.Contain("\"additionalProperties\":false");
    }

    [Fact]
    public async Task InterpretAsync_PersonPrompt_ListsLinkedCompanyFields()
    {
        var client = new FakeChatClient("""{"field":"title","op":"contains","value":"VP"}""");

        await new ChatFilterInterpreter(client).InterpretAsync("VPs", EntityKind.Person, TestCatalog.Instance);

        client.SystemPrompt.Should()
            .Contain("- title | text | Job title | ")
            .And.Contain("- company.employee_count | number | Employee count |")
            .And.Contain("about people");
    }

    [Fact]
    public async Task InterpretAsync_JsonSchemaOff_AsksForPlainJson()
    {
        var client = new FakeChatClient("""{"field":"score","op":"=","value":1}""");
        var interpreter = new ChatFilterInterpreter(client, new() { UseJsonSchema = false });

        await interpreter.InterpretAsync("score one", EntityKind.Person, TestCatalog.Instance);

        client.Options!.ResponseFormat.Should().BeOfType<ChatResponseFormatJson>().Which.Schema.Should().BeNull();
    }

    [Theory]
    [InlineData("Sure! Companies with fewer than 500 employees.", "is not JSON (`Sure! Companies")]
    [InlineData("", "answer is empty")]
    [InlineData("42", "not a JSON object")]
    [InlineData("""{"field":"employee_count","op":"lower_than","value":5}""", "unknown operator \"lower_than\"")]
    [InlineData("""{"op":"<","value":5}""", "has no \"field\"")]
    public async Task InterpretAsync_MalformedAnswer_ListsKnownFields(string answer, string problem)
    {
        var act = () => Interpret(answer, "small companies", EntityKind.Company);

        var error = (await act.Should().ThrowAsync<FilterInterpretationException>()).Which;
        error.Message.Should().StartWith("Could not turn \"small companies\" into a condition: ").And.Contain(problem);
        error.Message.Should().Contain("Known fields for companies: annual_revenue, domain, employee_count (Employee count), founded_year, industry");
        error.KnownFields.Should().Contain(["employee_count", "industry"]).And.NotContain("title");
        error.Text.Should().Be("small companies");
    }

    [Fact]
    public async Task InterpretAsync_NotJson_KeepsTheParserErrorAsCause()
    {
        var act = () => Interpret("{not json", "x", EntityKind.Person);

        (await act.Should().ThrowAsync<FilterInterpretationException>()).WithInnerException<System.Text.Json.JsonException>();
    }

    [Fact]
    public async Task InterpretAsync_UnknownField_NamesItAndTheClosestAndListsKnownFields()
    {
        var act = () => Interpret("""{"field":"headcount","op":"<","value":500}""", "small companies", EntityKind.Company);

        var error = (await act.Should().ThrowAsync<FilterInterpretationException>()).Which;
        error.Message.Should().Contain("the chat model's answer `headcount < 500` does not fit the catalog: Unknown field 'headcount' for companies")
            .And.Contain("Known fields for companies: ");
        error.InnerException.Should().BeOfType<FilterBindingException>();
    }

    [Fact]
    public async Task InterpretAsync_OperatorWrongForType_Throws()
    {
        var act = () => Interpret("""{"field":"employee_count","op":"contains","value":"5"}""", "employees contain 5", EntityKind.Company);

        (await act.Should().ThrowAsync<FilterInterpretationException>())
            .WithMessage("*The operator 'contains' does not apply to the number field 'employee_count'*Known fields for companies:*");
    }

    [Theory]
    [InlineData("""{"field":"employee_count","op":"<","value":"many"}""", "has the wrong type*expected a number such as 500, found text \"many\"")]
    [InlineData("""{"field":"is_public","op":"=","value":3}""", "has the wrong type*expected true or false")]
    [InlineData("""{"field":"industry","op":"=","value":5}""", "has the wrong type*quoted text")]
    public async Task InterpretAsync_ValueOfWrongType_Throws(string answer, string problem)
    {
        var act = () => Interpret(answer, "whatever", EntityKind.Company);

        (await act.Should().ThrowAsync<FilterInterpretationException>()).WithMessage($"*{problem}*Known fields for companies:*");
    }

    [Theory]
    [InlineData("""{"and":[{"field":"employee_count","op":"<","value":500},{"field":"industry","op":"=","value":"SaaS"}]}""", "a group (\"and\")")]
    [InlineData("""{"or":[{"field":"industry","op":"=","value":"SaaS"},{"field":"industry","op":"=","value":"Retail"}]}""", "a group (\"or\")")]
    [InlineData("""{"not":{"field":"industry","op":"=","value":"SaaS"}}""", "a group (\"not\")")]
    [InlineData("""{"related":"opportunities","quantifier":"any","filter":{"field":"amount","op":">","value":5}}""", "a related-records filter")]
    [InlineData("""[{"field":"industry","op":"=","value":"SaaS"},{"field":"employee_count","op":"<","value":5}]""", "a list of 2")]
    public async Task InterpretAsync_MoreThanOneCondition_SaysOneConditionOnly(string answer, string shape)
    {
        var act = () => Interpret(answer, "small SaaS companies", EntityKind.Company);

        (await act.Should().ThrowAsync<FilterInterpretationException>())
            .WithMessage($"*answered with {shape}*One condition only*combine conditions in a filter group*Known fields for companies:*");
    }

    [Fact]
    public async Task InterpretAsync_ModelReportsError_PassesTheReasonOn()
    {
        var act = () => Interpret("""{"error":"pizza is not a field"}""", "likes pizza", EntityKind.Person);

        (await act.Should().ThrowAsync<FilterInterpretationException>())
            .WithMessage("Could not turn \"likes pizza\" into a condition: the chat model found no condition on the known fields: pizza is not a field. Known fields for people: company.annual_revenue, *title (Job title)*");
    }

    [Fact]
    public async Task InterpretAsync_BlankText_ThrowsWithoutAskingTheModel()
    {
        var client = new FakeChatClient("{}");

        var act = () => new ChatFilterInterpreter(client).InterpretAsync("  ", EntityKind.Person, TestCatalog.Instance);

        (await act.Should().ThrowAsync<FilterInterpretationException>()).WithMessage("*the text is blank*");
        client.Calls.Should().Be(0);
    }

    [Fact]
    public async Task InterpretAsync_CancelledWhileWaiting_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var client = new FakeChatClient(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return "{}";
        });
        var pending = new ChatFilterInterpreter(client).InterpretAsync("title contains VP", EntityKind.Person, TestCatalog.Instance, cancellation.Token);

        await cancellation.CancelAsync();

        await pending.Invoking(p => p).Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task InterpretAsync_CancelledBefore_DoesNotAskTheModel()
    {
        var client = new FakeChatClient("""{"field":"title","op":"contains","value":"VP"}""");

        var act = () => new ChatFilterInterpreter(client).InterpretAsync("title contains VP", EntityKind.Person, TestCatalog.Instance, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        client.Calls.Should().Be(0);
    }

    [Fact]
    public async Task InterpretAsync_ClientFailure_PassesThrough()
    {
        var client = new FakeChatClient(_ => throw new HttpRequestException("quota exceeded"));

        var act = () => new ChatFilterInterpreter(client).InterpretAsync("title contains VP", EntityKind.Person, TestCatalog.Instance);

        await act.Should().ThrowAsync<HttpRequestException>().WithMessage("quota exceeded");
    }

    private static Task<Condition> Interpret(string answer, string text, EntityKind kind) =>
        new ChatFilterInterpreter(new FakeChatClient(answer)).InterpretAsync(text, kind, TestCatalog.Instance);
}
