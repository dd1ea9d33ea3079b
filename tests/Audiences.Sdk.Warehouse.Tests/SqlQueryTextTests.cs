namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>
/// The query is sent as a subquery, so it is one statement; and it holds no parameters, since the source binds only
/// its own (a <c>@p0</c> in the query would silently take the source's value).
/// </summary>
public sealed class SqlQueryTextTests
{
    [Theory]
    [InlineData("SELECT * FROM people", "SELECT * FROM people")]
    [InlineData("SELECT * FROM people;", "SELECT * FROM people")]
    [InlineData("SELECT * FROM people ; ;\n", "SELECT * FROM people")]
    [InlineData("SELECT * FROM people; -- the end", "SELECT * FROM people")]
    [InlineData("SELECT 'a;b' AS x", "SELECT 'a;b' AS x")]
    [InlineData("SELECT \"odd;name\" FROM t", "SELECT \"odd;name\" FROM t")]
    [InlineData("SELECT 1 -- ; not a statement\nAS x", "SELECT 1 -- ; not a statement\nAS x")]
    [InlineData("SELECT 1 /* ; */ AS x", "SELECT 1 /* ; */ AS x")]
    [InlineData("SELECT 'it''s; fine' AS x", "SELECT 'it''s; fine' AS x")]
    public void One_statement_is_kept_without_its_trailing_semicolons(string query, string kept) =>
        SqlQueryText.Check(query, "@", "query").Should().Be(kept);

    [Theory]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("SELECT 1; DROP TABLE people")]
    [InlineData("SELECT 1; /* c */ DELETE FROM t")]
    public void A_second_statement_is_refused(string query)
    {
        var check = () => SqlQueryText.Check(query, "@", "query");

        check.Should().Throw<ArgumentException>().WithMessage("The query of the SQL source 'query' holds more than one statement*give one SELECT*");
    }

    [Theory]
    [InlineData("SELECT * FROM t WHERE updated_at > @since", "@", "@since")]
    [InlineData("SELECT * FROM t WHERE id = @p0", "@", "@p0")]
    [InlineData("SELECT * FROM t WHERE id = :id", ":", ":id")]
    [InlineData("SELECT * FROM t WHERE id = $1", "$", "$1")]
    [InlineData("SELECT * FROM t WHERE id = ?", "?", "?")]
    public void A_parameter_is_refused(string query, string marker, string parameter)
    {
        var check = () => SqlQueryText.Check(query, marker, "query");

        check.Should().Throw<ArgumentException>().WithMessage($"*has a parameter ('{parameter}')*write the value into the query*");
    }

    [Theory]
    [InlineData("SELECT id::text AS id FROM t", ":")]
    [InlineData("SELECT @@VERSION AS v", "@")]
    [InlineData("SELECT 'a@b.example' AS email", "@")]
    [InlineData("SELECT tags @> ARRAY['x'] AS tagged FROM t", "@")]
    [InlineData("SELECT data ? 'key' AS has FROM t", "@")]
    [InlineData("SELECT $$literal$$ AS x", "$")]
    public void What_only_looks_like_a_parameter_is_kept(string query, string marker) =>
        SqlQueryText.Check(query, marker, "query").Should().Be(query);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_query_is_refused(string query)
    {
        var check = () => SqlQueryText.Check(query, "@", "accounts");

        check.Should().Throw<ArgumentException>().WithMessage("The SQL source 'accounts' needs a query.*");
    }
}
