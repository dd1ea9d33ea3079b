using Audiences.Sdk.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Audiences.Sdk.Warehouse.Tests;

public sealed class SqlSourceFactoryTests
{
    private readonly SqlSourceFactory _factory;

    public SqlSourceFactoryTests()
    {
        var options = new SqlSourceOptions();
        options.Providers["sqlite"] = SqliteFactory.Instance;
        options.Providers["postgres"] = NpgsqlFactory.Instance;
        _factory = new SqlSourceFactory(Options.Create(options), new FakeTimeProvider());
    }

    [Fact]
    public void It_opens_sources_of_type_sql()
    {
        _factory.Type.Should().Be("sql");
    }

    [Fact]
    public void The_settings_become_the_source_options()
    {
        var source = _factory.Create(Settings(("provider", "Postgres"), ("object", "accounts"), ("overlap", "10m"), ("timeout", "00:00:30"), ("parameters", ":"), ("quote", "`")));

        var options = source.Should().BeOfType<SqlQuerySource>().Which.Options;
        options.ProviderFactory.Should().BeSameAs(NpgsqlFactory.Instance);
        options.ConnectionString.Should().Be("Host=db");
        options.Query.Should().Be("SELECT * FROM accounts");
        options.ObjectName.Should().Be("accounts");
        options.Overlap.Should().Be(TimeSpan.FromMinutes(10));
        options.CommandTimeout.Should().Be(TimeSpan.FromSeconds(30));
        options.ParameterMarker.Should().Be(":");
        options.IdentifierQuote.Should().Be("`");
    }

    [Fact]
    public void Optional_settings_have_defaults()
    {
        var options = ((SqlQuerySource)_factory.Create(Settings(("provider", "sqlite")))).Options;

        options.ObjectName.Should().Be("query");
        options.Overlap.Should().Be(TimeSpan.FromMinutes(5));
        options.CommandTimeout.Should().BeNull();
        options.ParameterMarker.Should().Be("@");
        options.IdentifierQuote.Should().BeNull();
    }

    [Theory]
    [InlineData("provider", "*needs the setting 'provider'*")]
    [InlineData("connection", "*needs the setting 'connection'*")]
    [InlineData("query", "*needs the setting 'query'*")]
    public void A_missing_setting_is_named(string missing, string message)
    {
        var values = new Dictionary<string, string> { ["provider"] = "sqlite", ["connection"] = "Host=db", ["query"] = "SELECT 1 AS id" };
        values.Remove(missing);

        var create = () => _factory.Create(new SourceSettings("sql", values));

        create.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void An_unregistered_provider_is_named_with_those_registered()
    {
        var create = () => _factory.Create(Settings(("provider", "snowflake")));

        create.Should().Throw<ArgumentException>().WithMessage("*'provider' is 'snowflake', which is not registered (registered: 'postgres', 'sqlite')*AddSqlSource*");
    }

    [Theory]
    [InlineData("overlap", "5", "*'overlap' is '5', which is no duration*'5m'*")]
    [InlineData("timeout", "soon", "*'timeout' is 'soon'*")]
    [InlineData("parameters", "#", "*parameter marker*'#'*")]
    public void An_unusable_setting_is_named(string name, string value, string message)
    {
        var create = () => _factory.Create(Settings(("provider", "sqlite"), (name, value)));

        create.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Settings_of_another_type_are_refused()
    {
        var create = () => _factory.Create(new SourceSettings("csv", new Dictionary<string, string>()));

        create.Should().Throw<ArgumentException>().WithMessage("*type 'sql', not 'csv'*");
    }

    private static SourceSettings Settings(params (string Name, string Value)[] values)
    {
        var all = new Dictionary<string, string> { ["connection"] = "Host=db", ["query"] = "SELECT * FROM accounts" };
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return new SourceSettings("sql", all);
    }
}
