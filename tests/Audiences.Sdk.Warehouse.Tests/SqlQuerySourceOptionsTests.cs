using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Warehouse.Tests;

public sealed class SqlQuerySourceOptionsTests
{
    private static readonly SqlQuerySourceOptions Valid = new(SqliteFactory.Instance, "Data Source=a.db;Password=secret", "SELECT 1 AS id");

    [Fact]
    public void The_text_of_the_options_leaves_out_the_connection_string()
    {
        Valid.ToString().Should().Be("SqlQuerySourceOptions { ProviderFactory = SqliteFactory, ObjectName = query, Overlap = 00:05:00, CommandTimeout = , ParameterMarker = @, IdentifierQuote =  }");
    }

    public static TheoryData<SqlQuerySourceOptions, string> Invalid() => new()
    {
        { Valid with { ConnectionString = " " }, "*needs a connection string*" },
        { Valid with { ObjectName = "" }, "*needs an object name*" },
        { Valid with { Overlap = TimeSpan.FromMinutes(-1) }, "*overlap*-00:01:00; make it zero or more*" },
        { Valid with { CommandTimeout = TimeSpan.Zero }, "*command timeout*make it positive*" },
        { Valid with { ParameterMarker = "%" }, "*parameter marker*'%'; use '@', ':', '$' or '?'*" },
        { Valid with { IdentifierQuote = "'" }, "*identifier quote*use '\"', '`', '[', or null*" },
        { Valid with { Query = "SELECT 1; SELECT 2" }, "*more than one statement*" },
        { Valid with { Query = "SELECT * FROM t WHERE id = @id" }, "*has a parameter ('@id')*" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Unusable_options_are_refused_when_the_source_is_created(SqlQuerySourceOptions options, string message)
    {
        var create = () => new SqlQuerySource(options);

        create.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Missing_options_are_refused()
    {
        var create = () => new SqlQuerySource(null!);

        create.Should().Throw<ArgumentNullException>();
    }
}
