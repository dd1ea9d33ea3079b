using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Tests.DependencyInjection;

public class ProviderOptionsValidationTests
{
    [Theory]
    [InlineData(nameof(ProviderPipelineOptions.CallTimeout), "*Providers.CallTimeout is 00:00:00; set a positive duration*")]
    [InlineData(nameof(ProviderPipelineOptions.MaxRetries), "*Providers.MaxRetries is -1; set it between 0 and 20*")]
    [InlineData(nameof(ProviderPipelineOptions.RetryDelay), "*Providers.RetryDelay is -00:00:01; set a positive duration*")]
    [InlineData(nameof(ProviderPipelineOptions.RequestsPerSecond), "*Providers.RequestsPerSecond is 0; set it to 1 or more, or leave it null*")]
    public void AddAudiences_ProviderSettingOutOfRange_FailsValidationNamingIt(string setting, string message)
    {
        using var services = new ServiceCollection()
            .AddAudiences(b => b.UseInMemory().Configure(o => Break(o.Providers, setting)))
            .Services.BuildServiceProvider();

        var act = () => services.GetRequiredService<IOptions<AudiencesOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage(message);
    }

    [Fact]
    public void AddAudiences_DefaultProviderSettings_AreValidAndAsDocumented()
    {
        using var services = new ServiceCollection().AddAudiences(b => b.UseInMemory()).Services.BuildServiceProvider();

        var providers = services.GetRequiredService<IOptions<AudiencesOptions>>().Value.Providers;

        providers.Should().BeEquivalentTo(new { CallTimeout = TimeSpan.FromSeconds(30), MaxRetries = 3, RetryDelay = TimeSpan.FromSeconds(1), RequestsPerSecond = (int?)null });
    }

    private static void Break(ProviderPipelineOptions options, string setting)
    {
        switch (setting)
        {
            case nameof(ProviderPipelineOptions.CallTimeout):
                options.CallTimeout = TimeSpan.Zero;
                break;
            case nameof(ProviderPipelineOptions.MaxRetries):
                options.MaxRetries = -1;
                break;
            case nameof(ProviderPipelineOptions.RetryDelay):
                options.RetryDelay = TimeSpan.FromSeconds(-1);
                break;
            default:
                options.RequestsPerSecond = 0;
                break;
        }
    }
}
