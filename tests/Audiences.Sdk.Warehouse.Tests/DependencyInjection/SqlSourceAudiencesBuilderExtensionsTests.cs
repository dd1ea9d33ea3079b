using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Audiences.Sdk.Warehouse.Tests.DependencyInjection;

public sealed class SqlSourceAudiencesBuilderExtensionsTests
{
    [Fact]
    public void The_sql_source_factory_is_registered_once_with_the_providers_of_every_call()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b
            .AddSqlSource(o => o.Providers["sqlite"] = SqliteFactory.Instance)
            .AddSqlSource(o => o.Providers["postgres"] = NpgsqlFactory.Instance));
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetServices<ISourceFactory>().Should().ContainSingle().Which.Should().BeOfType<SqlSourceFactory>().Which;
        var source = factory.Create(new SourceSettings("sql", new Dictionary<string, string>
        {
            ["provider"] = "postgres", ["connection"] = "Host=db", ["query"] = "SELECT 1 AS id",
        }));

        ((SqlQuerySource)source).Options.ProviderFactory.Should().BeSameAs(NpgsqlFactory.Instance);
        provider.GetRequiredService<IOptions<SqlSourceOptions>>().Value.Providers.Keys.Should().BeEquivalentTo("sqlite", "postgres");
    }

    [Fact]
    public async Task No_provider_fails_when_the_host_starts()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.AddSqlSource(_ => { }));
        using var provider = services.BuildServiceProvider();

        var start = async () => await provider.GetRequiredService<IAsyncStartupValidator>().ValidateAsync();

        await start.Should().ThrowAsync<OptionsValidationException>().WithMessage("*Providers is empty*o.Providers[\"sqlite\"] = SqliteFactory.Instance*");
    }

    [Fact]
    public void A_provider_name_without_a_factory_fails_when_the_host_starts()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.AddSqlSource(o =>
        {
            o.Providers["sqlite"] = SqliteFactory.Instance;
            o.Providers["snowflake"] = null!;
        }));
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetServices<ISourceFactory>().ToList();

        resolve.Should().Throw<OptionsValidationException>().WithMessage("*Providers[\"snowflake\"] is null*DbProviderFactory*");
    }
}
