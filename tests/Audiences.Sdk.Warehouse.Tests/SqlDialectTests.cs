using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Audiences.Sdk.Warehouse.Tests;

public sealed class SqlDialectTests
{
    [Theory]
    [InlineData("select", "\"select\"")]
    [InlineData("sign up date", "\"sign up date\"")]
    [InlineData("odd\"name", "\"odd\"\"name\"")]
    public void Names_are_quoted_by_the_provider_or_with_standard_quotes(string name, string quoted)
    {
        new SqlDialect(NpgsqlFactory.Instance, "@").Quote(name).Should().Be(quoted, "Npgsql's command builder quotes");
        new SqlDialect(SqliteFactory.Instance, "@").Quote(name).Should().Be(quoted, "SQLite has no command builder");
        new SqlDialect(NoBuilderFactory.Instance, "@").Quote(name).Should().Be(quoted, "a provider whose builder throws gets the standard quotes");
    }

    [Theory]
    [InlineData("`", "select", "`select`")]
    [InlineData("`", "odd`name", "`odd``name`")]
    [InlineData("[", "sign up]", "[sign up]]]")]
    [InlineData("\"", "select", "\"select\"")]
    public void A_quote_the_options_name_wins_over_the_providers(string quote, string name, string quoted) =>
        new SqlDialect(NpgsqlFactory.Instance, "@", quote).Quote(name).Should().Be(quoted);

    [Theory]
    [InlineData("@", "@p0", "p0", "@p1")]
    [InlineData(":", ":p0", "p0", ":p1")]
    [InlineData("$", "$p0", "p0", "$p1")]
    [InlineData("?", "?", "1", "?")]
    public void Parameters_are_named_by_the_marker(string marker, string first, string firstName, string second)
    {
        var dialect = new SqlDialect(SqliteFactory.Instance, marker);

        dialect.Placeholder(0).Should().Be(first);
        dialect.ParameterName(0).Should().Be(firstName);
        dialect.Placeholder(1).Should().Be(second);
    }

    // As DuckDB's factory does.
    private sealed class NoBuilderFactory : DbProviderFactory
    {
        public static readonly NoBuilderFactory Instance = new();

        public override DbCommandBuilder CreateCommandBuilder() => throw new NotImplementedException();
    }
}
