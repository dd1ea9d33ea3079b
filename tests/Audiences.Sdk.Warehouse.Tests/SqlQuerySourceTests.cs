using System.Data.Common;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Warehouse.Tests.Databases;

namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>What the source does on every database: describe, full reads, problems, cursors, names and errors.</summary>
public abstract class SqlQuerySourceTests : SqlSourceTestBase
{
    protected SqlQuerySourceTests(TestDatabase database)
        : base(database)
    {
    }

    [Fact]
    public async Task Describe_lists_the_query_columns_with_their_types()
    {
        var objects = await Source().DescribeAsync();

        var query = objects.Should().ContainSingle().Which;
        query.Name.Should().Be("query");
        query.Fields.Should().Equal(
            new SourceField("id", FieldType.Number),
            new SourceField("name", FieldType.Text),
            new SourceField("score", FieldType.Number),
            new SourceField("active", FieldType.Boolean),
            new SourceField("updated_at", FieldType.DateTime));
    }

    [Fact]
    public async Task A_full_read_returns_every_row_by_id_in_batches_each_with_a_cursor()
    {
        var at = Now.AddHours(-1);
        foreach (var id in new long[] { 4, 2, 5, 1, 3 })
        {
            await Db.InsertAsync(id, "n" + id, at, score: id * 1.5, active: id % 2 == 0);
        }

        var batches = await ReadAsync(Source(), Full(batchSize: 2));

        batches.Select(b => b.Items.Count).Should().Equal(2, 2, 1);
        batches.Should().OnlyContain(b => !string.IsNullOrEmpty(b.Cursor) && b.Deleted.Count == 0);
        Ids(batches).Should().Equal("1", "2", "3", "4", "5");
        var four = batches.SelectMany(b => b.Items).Single(i => i.ExternalId == "4");
        four.Problem.Should().BeNull();
        four.Position.Should().Be(4);
        four.Values["name"].AsText().Should().Be("n4");
        four.Values["score"].AsNumber().Should().Be(6);
        four.Values["active"].AsBoolean().Should().BeTrue();
        four.Values["updated_at"].AsDateTime().Should().Be(at);
    }

    [Fact]
    public async Task A_full_read_of_an_empty_table_returns_one_empty_batch_with_a_cursor()
    {
        var batches = await ReadAsync(Source(), Full());

        batches.Should().ContainSingle().Which.Items.Should().BeEmpty();
        batches[0].Cursor.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_repeated_id_is_reported_with_the_row_that_had_it_first()
    {
        await Db.InsertAsync(1, "first", Now.AddHours(-2));
        await Db.InsertAsync(2, "other", Now.AddHours(-2));
        await Db.InsertAsync(1, "again", Now.AddHours(-1));

        var full = (await ReadAsync(Source(), Full(timestamp: "updated_at"))).SelectMany(b => b.Items).ToList();
        var changes = (await ReadAsync(Source(), Incremental(null))).SelectMany(b => b.Items).ToList();

        full.Should().HaveCount(3);
        full[2].ExternalId.Should().Be("1");
        full[2].Values["name"].AsText().Should().Be("again");
        full[2].Problem.Should().Be("the id '1' appears again; first at row 1");
        full.Take(2).Should().OnlyContain(i => i.Problem == null);
        changes.Select(i => i.Problem).Should().Equal(null, null, "the id '1' appears again; first at row 1");
    }

    [Fact]
    public async Task A_row_without_an_id_is_reported()
    {
        await Db.InsertAsync(1, "has one", Now.AddHours(-1));
        await Db.InsertAsync(null, "has none", Now.AddHours(-1));

        var items = (await ReadAsync(Source(), Full())).SelectMany(b => b.Items).ToList();

        var orphan = items.Should().ContainSingle(i => i.ExternalId == null).Which;
        orphan.Problem.Should().Be("the id field 'id' is empty");
        orphan.Values["name"].AsText().Should().Be("has none");
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("{\"v\":2,\"object\":\"query\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("{\"v\":1,\"object\":\"query\"}")]
    [InlineData("{\"v\":1,\"object\":\"other\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("{\"v\":1,\"object\":\"query\",\"field\":\"created_at\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("{\"v\":1,\"object\":\"query\",\"field\":\"updated_at\",\"ts\":\"yesterday\",\"tsType\":\"String\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("{\"v\":1,\"object\":\"query\",\"field\":\"updated_at\",\"ts\":\"12\",\"tsType\":\"Int64\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("line:42")]
    public void A_cursor_this_source_did_not_write_is_refused(string cursor)
    {
        var read = () => Source().ReadAsync(Incremental(cursor));

        read.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task Columns_named_like_keywords_or_with_spaces_are_quoted()
    {
        await Db.InsertAsync(1, "a", Now.AddHours(-2));
        await Db.InsertAsync(2, "b", Now.AddHours(-1));
        var source = Source($"SELECT id AS \"select\", name, updated_at AS \"changed at\" FROM {Db.Table}");

        var first = await ReadAsync(source, Incremental(null, batchSize: 1, id: "select", timestamp: "changed at"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        await Db.UpdateAsync(1, "a2", Now);
        var second = await ReadAsync(source, Incremental(first[0].Cursor, id: "select", timestamp: "changed at"));

        Ids(first).Should().Equal("1", "2");
        Ids(second).Should().Equal("2", "1");
        second[0].Items[1].Values["changed at"].AsDateTime().Should().Be(Now);
    }

    [Fact]
    public async Task A_trailing_semicolon_and_comments_are_allowed()
    {
        await Db.InsertAsync(1, "a", Now.AddHours(-1));

        var batches = await ReadAsync(Source($"-- everyone\nSELECT * FROM {Db.Table} /* all */ ; -- done"), Full());

        Ids(batches).Should().Equal("1");
    }

    [Fact]
    public async Task Fields_the_query_lacks_or_that_hold_no_date_times_are_refused_by_name()
    {
        var source = Source();

        await FluentActions.Awaiting(() => ReadAsync(source, Full(id: "user_id")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*id field 'user_id' is not a column*'id', 'name'*");
        await FluentActions.Awaiting(() => ReadAsync(source, Incremental(null, timestamp: "modified")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*timestamp field 'modified' is not a column*");
        await FluentActions.Awaiting(() => ReadAsync(source, Incremental(null, timestamp: "name")))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*timestamp field 'name'*holds text values, not date-times*");
    }

    [Fact]
    public void An_incremental_read_without_a_timestamp_field_is_not_supported()
    {
        var read = () => Source().ReadAsync(new SourceReadRequest("query", SourceReadMode.Incremental, "id"));

        read.Should().Throw<NotSupportedException>().WithMessage("*incremental read of the SQL source 'query' (id field 'id') needs a timestamp field*");
    }

    [Fact]
    public void An_unknown_object_is_refused()
    {
        var read = () => Source().ReadAsync(new SourceReadRequest("contacts", SourceReadMode.Full, "id"));

        read.Should().Throw<ArgumentException>().WithMessage("*no object 'contacts'*'query'*");
    }

    [Fact]
    public async Task A_query_error_is_the_providers_own()
    {
        var source = Source($"SELECT nonsense FROM {Db.Table}");

        var error = await FluentActions.Awaiting(() => source.DescribeAsync().AsTask()).Should().ThrowAsync<DbException>();
        error.Which.Should().NotBeOfType<SourceUnavailableException>();
    }
}
