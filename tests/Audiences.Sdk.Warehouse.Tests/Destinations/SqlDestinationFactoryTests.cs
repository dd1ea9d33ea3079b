using Audiences.Sdk.Destinations;
using Audiences.Sdk.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Audiences.Sdk.Warehouse.Tests.Destinations;

public sealed class SqlDestinationFactoryTests
{
    private readonly SqlDestinationFactory _factory;

    public SqlDestinationFactoryTests()
    {
        var options = new SqlSourceOptions();
        options.Providers["sqlite"] = SqliteFactory.Instance;
        options.Providers["postgres"] = NpgsqlFactory.Instance;
        _factory = new SqlDestinationFactory(Options.Create(options));
    }

    [Fact]
    public void The_settings_become_the_destination_options()
    {
        var destination = _factory.Create(Settings(("provider", "Postgres"), ("schema", "crm"), ("timeout", "30s"), ("parameters", ":"), ("quote", "`")));

        _factory.Type.Should().Be("sql");
        var options = destination.Should().BeOfType<SqlTableDestination>().Which.Options;
        options.ProviderFactory.Should().BeSameAs(NpgsqlFactory.Instance);
        options.ConnectionString.Should().Be("Host=db");
        options.Table.Should().Be("contacts");
        options.KeyColumn.Should().Be("contact_id");
        options.Schema.Should().Be("crm");
        options.QualifiedName.Should().Be("crm.contacts");
        options.CommandTimeout.Should().Be(TimeSpan.FromSeconds(30));
        options.ParameterMarker.Should().Be(":");
        options.IdentifierQuote.Should().Be("`");
        options.ToString().Should().NotContain("Host=db", "the connection string may hold a password");
    }

    [Theory]
    [InlineData("provider")]
    [InlineData("connection")]
    [InlineData("table")]
    [InlineData("key-column")]
    public void A_missing_setting_is_refused_naming_it(string setting)
    {
        var values = Settings().Values.Where(v => v.Key != setting).ToDictionary();

        var act = () => _factory.Create(new DestinationSettings("sql", values));

        act.Should().Throw<ArgumentException>().WithMessage($"*'{setting}'*");
    }

    [Theory]
    [InlineData("provider", "duckdb", "*'duckdb'*not registered*'postgres', 'sqlite'*")]
    [InlineData("timeout", "soon", "*'timeout'*'soon'*")]
    [InlineData("parameters", "#", "*parameter marker*'#'*")]
    [InlineData("quote", "'", "*identifier quote*")]
    public void An_invalid_setting_is_refused_naming_it(string setting, string value, string message)
    {
        var act = () => _factory.Create(Settings((setting, value)));

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Settings_of_another_type_are_refused()
    {
        var act = () => _factory.Create(new DestinationSettings("csv", Settings().Values));

        act.Should().Throw<ArgumentException>().WithMessage("*'csv'*");
    }

    [Fact]
    public void AddSqlDestination_registers_the_factory_once_sharing_the_providers_of_the_sql_source()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b
            .AddSqlSource(o => o.Providers["sqlite"] = SqliteFactory.Instance)
            .AddSqlDestination(o => o.Providers["postgres"] = NpgsqlFactory.Instance)
            .AddSqlDestination(_ => { }));
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetServices<IDestinationFactory>().Should().ContainSingle().Which.Should().BeOfType<SqlDestinationFactory>().Which;
        var destination = factory.Create(Settings(("provider", "sqlite")));

        ((SqlTableDestination)destination).Options.ProviderFactory.Should().BeSameAs(SqliteFactory.Instance);
    }

    private static DestinationSettings Settings(params (string Name, string Value)[] overrides)
    {
        var values = new Dictionary<string, string>
        {
            ["provider"] = "postgres", ["connection"] = "Host=db", ["table"] = "contacts", ["key-column"] = "contact_id",
        };
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }

        return new DestinationSettings("sql", values);
    }
}
