using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Tests.Filtering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.AI.Tests;

/// <summary>Runs the examples of docs/filters.md, "Chat-model conditions", with a fake client.</summary>
public class ChatFilterDocExampleTests
{
    private const string Answer = """{"field":"employee_count","op":"<","value":500}""";

    [Fact]
    public async Task DirectUse_ReturnsTheBoundCondition()
    {
        IChatClient chatClient = new FakeChatClient(Answer);
        var catalog = TestCatalog.Instance;

        var interpreter = new ChatFilterInterpreter(chatClient, new ChatFilterInterpreterOptions
        {
            ChatOptions = new ChatOptions { ModelId = "my-model", Temperature = 0 },
        });
        Condition condition = await interpreter.InterpretAsync("fewer than 500 staff", EntityKind.Company, catalog);

        condition.ToString().Should().Be("employee_count < 500");
    }

    [Fact]
    public async Task DependencyInjection_ResolvesTheChatInterpreterAfterPhrases()
    {
        IChatClient chatClient = new FakeChatClient(Answer);
        var services = new ServiceCollection();

        services.AddSingleton<IChatClient>(chatClient);
        services.AddAudiences(b => b
            .UseSqlite("Data Source=audiences.db")
            .UseChatFilterInterpreter(o => o.ChatOptions = new ChatOptions { Temperature = 0 }, ChatFilterRegistration.PhrasesFirst));

        await using var provider = services.BuildServiceProvider();
        var condition = await provider.GetRequiredService<IFilterInterpreter>()
            .InterpretAsync("small teams", EntityKind.Company, TestCatalog.Instance);
        condition.ToString().Should().Be("employee_count < 500");
    }
}
