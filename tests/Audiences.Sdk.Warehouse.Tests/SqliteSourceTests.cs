using Audiences.Sdk.Profiles;
using Audiences.Sdk.Warehouse.Tests.Databases;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>SQLite's own ways: declared types, names it gives repeated columns, other quotes.</summary>
public sealed class SqliteSourceTests() : SqlSourceTestBase(new SqliteTestDatabase())
{
    [Fact]
    public async Task An_expression_without_a_declared_type_is_text_but_its_values_keep_their_type()
    {
        await Db.InsertAsync(1, "a", Now.AddHours(-1), score: 2);
        var source = Source($"SELECT id, score * 2 AS doubled, 'x' || name AS label FROM {Db.Table}");

        var fields = (await source.DescribeAsync())[0].Fields;
        var item = (await ReadAsync(source, Full()))[0].Items[0];

        fields.Select(f => f.Type).Should().Equal(FieldType.Number, FieldType.Text, FieldType.Text);
        item.Values["doubled"].AsNumber().Should().Be(4);
        item.Values["label"].AsText().Should().Be("xa");
    }

    [Fact]
    public async Task A_date_time_text_that_does_not_parse_is_read_as_text_with_a_problem()
    {
        await Db.ExecuteAsync($"INSERT INTO {Db.Table} (id, name, updated_at) VALUES (1, 'a', 'last tuesday')");

        var item = (await ReadAsync(Source(), Full()))[0].Items[0];

        item.Values["updated_at"].AsText().Should().Be("last tuesday");
        item.Problem.Should().Be("the field 'updated_at': 'last tuesday' is not an ISO 8601 date or date-time (e.g. 2026-01-31 or 2026-01-31 09:30:00)");
    }

    [Fact]
    public async Task Backticks_quote_names_when_the_options_ask_for_them()
    {
        await Db.InsertAsync(1, "a", Now.AddHours(-2));
        await Db.InsertAsync(2, "b", Now.AddHours(-1));
        var options = new SqlQuerySourceOptions(SqliteFactory.Instance, Db.ConnectionString, $"SELECT id AS `select`, updated_at AS `changed at` FROM {Db.Table}")
        {
            IdentifierQuote = "`",
        };
        var source = new SqlQuerySource(options, Clock);

        var first = await ReadAsync(source, Incremental(null, batchSize: 1, id: "select", timestamp: "changed at"));
        var second = await ReadAsync(source, Incremental(first[0].Cursor, id: "select", timestamp: "changed at"));

        Ids(first).Should().Equal("1", "2");
        Ids(second).Should().Equal("2");
    }
}
