using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Tests.Filtering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.AI.Tests.DependencyInjection;

public class UseChatFilterInterpreterTests
{
    [Fact]
    public void AddAudiences_WithoutChat_RegistersThePhraseInterpreter()
    {
        var services = new ServiceCollection();
        services.AddAudiences();

        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IFilterInterpreter>().Should().BeOfType<PhraseFilterInterpreter>();
    }

    [Fact]
    public async Task UseChatFilterInterpreter_UsesTheRegisteredChatClientAndOptions()
    {
        var client = new FakeChatClient("""{"field":"industry","op":"=","value":"SaaS"}""");
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(client);
        services.AddAudiences(b => b.UseChatFilterInterpreter(o => o.ChatOptions = new ChatOptions { ModelId = "m" }));

        using var provider = services.BuildServiceProvider();
        var interpreter = provider.GetRequiredService<IFilterInterpreter>();
        var condition = await interpreter.InterpretAsync("SaaS companies", EntityKind.Company, TestCatalog.Instance);

        interpreter.Should().BeOfType<ChatFilterInterpreter>();
        condition.ToString().Should().Be("industry = \"SaaS\"");
        client.Options!.ModelId.Should().Be("m");
        services.Count(d => d.ServiceType == typeof(IFilterInterpreter)).Should().Be(1);
    }

    [Fact]
    public async Task UseChatFilterInterpreter_PhrasesFirst_AsksTheModelOnlyForWhatPhrasesCannotRead()
    {
        var client = new FakeChatClient("""{"field":"industry","op":"in","values":["SaaS","Fintech"]}""");
        var services = new ServiceCollection();
        services.AddSingleton<IChatClient>(client);
        services.AddAudiences(b => b.UseChatFilterInterpreter(registration: ChatFilterRegistration.PhrasesFirst));

        using var provider = services.BuildServiceProvider();
        var interpreter = provider.GetRequiredService<IFilterInterpreter>();
        var offline = await interpreter.InterpretAsync("employee count less than 500", EntityKind.Company, TestCatalog.Instance);
        var calls = client.Calls;
        var online = await interpreter.InterpretAsync("software or fintech businesses", EntityKind.Company, TestCatalog.Instance);

        interpreter.Should().BeOfType<CompositeFilterInterpreter>();
        offline.ToString().Should().Be("employee_count < 500");
        calls.Should().Be(0);
        online.ToString().Should().Be("industry in [\"SaaS\", \"Fintech\"]");
        client.Calls.Should().Be(1);
    }

    [Fact]
    public void UseChatFilterInterpreter_WithoutChatClient_SaysWhatToRegister()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseChatFilterInterpreter());

        using var provider = services.BuildServiceProvider();
        var act = () => provider.GetRequiredService<IFilterInterpreter>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*needs an IChatClient*AddChatClient*");
    }
}
