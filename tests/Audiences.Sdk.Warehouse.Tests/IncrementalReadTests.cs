using Audiences.Sdk.Warehouse.Tests.Databases;

namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>The incremental pattern, on every database: watermark, tie-breaker, overlap window and upper bound.</summary>
public abstract class IncrementalReadTests : SqlSourceTestBase
{
    protected IncrementalReadTests(TestDatabase database)
        : base(database)
    {
    }

    [Fact]
    public async Task The_first_read_returns_every_row_then_only_the_overlap_then_nothing()
    {
        await Db.InsertAsync(1, "old", Now.AddMinutes(-20));
        await Db.InsertAsync(2, "recent", Now.AddMinutes(-10));
        await Db.InsertAsync(3, "fresh", Now.AddMinutes(-2));

        var (first, cursor) = await ReadChangesAsync(null);
        Clock.Advance(TimeSpan.FromMinutes(4));
        var (second, cursor2) = await ReadChangesAsync(cursor);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (third, _) = await ReadChangesAsync(cursor2);

        first.Should().Equal("1", "2", "3");
        second.Should().Equal(["3"], "only row 3 lies within the overlap before the first read's start, and may have had a late sibling");
        third.Should().BeEmpty("nothing changed, and no row lies within the overlap before the second read's start");
    }

    [Fact]
    public async Task A_row_committed_late_with_an_older_timestamp_inside_the_overlap_is_read()
    {
        await Db.InsertAsync(1, "a", Now.AddMinutes(-10));
        await Db.InsertAsync(2, "b", Now.AddMinutes(-1));
        var (_, cursor) = await ReadChangesAsync(null);

        // Stamped before the watermark (row 2) but committed after the read: a long transaction.
        await Db.InsertAsync(99, "late", Now.AddMinutes(-3));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (ids, _) = await ReadChangesAsync(cursor);

        ids.Should().Contain("99").And.NotContain("1");
    }

    [Fact]
    public async Task A_row_committed_later_than_the_overlap_allows_is_not_seen_by_an_incremental_read()
    {
        await Db.InsertAsync(1, "a", Now.AddMinutes(-1));
        var (_, cursor) = await ReadChangesAsync(null);

        await Db.InsertAsync(98, "too late", Now.AddMinutes(-30));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (ids, _) = await ReadChangesAsync(cursor);

        ids.Should().NotContain("98", "the overlap is the promise of how late a row may arrive; a full read finds the rest");
    }

    [Fact]
    public async Task Rows_stamped_after_the_read_started_are_left_to_the_next_read()
    {
        await Db.InsertAsync(1, "now", Now);
        await Db.InsertAsync(2, "ahead", Now.AddMinutes(1));

        var (first, cursor) = await ReadChangesAsync(null);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var (second, _) = await ReadChangesAsync(cursor);

        first.Should().Equal("1");
        second.Should().Contain("2");
    }

    [Fact]
    public async Task Rows_sharing_a_timestamp_across_a_batch_boundary_are_neither_lost_nor_read_twice()
    {
        var stamp = Now.AddHours(-1);
        foreach (var id in new long[] { 5, 3, 1, 4, 2 })
        {
            await Db.InsertAsync(id, "tied", stamp);
        }

        var batches = await ReadAsync(Source(), Incremental(null, batchSize: 2));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (afterFirst, _) = await ReadChangesAsync(batches[0].Cursor);
        var (afterSecond, _) = await ReadChangesAsync(batches[1].Cursor);

        batches.Select(b => b.Items.Count).Should().Equal(2, 2, 1);
        Ids(batches).Should().Equal("1", "2", "3", "4", "5");
        afterFirst.Should().Equal(["3", "4", "5"], "a run stopped after the first batch resumes with the rows of the same timestamp after its id");
        afterSecond.Should().Equal("5");
    }

    [Fact]
    public async Task An_updated_row_is_read_again_with_its_new_values()
    {
        await Db.InsertAsync(1, "Ada", Now.AddHours(-2));
        await Db.InsertAsync(2, "Bob", Now.AddHours(-2));
        var (_, cursor) = await ReadChangesAsync(null);

        Clock.Advance(TimeSpan.FromMinutes(30));
        await Db.UpdateAsync(2, "Robert", Now);
        var batches = await ReadAsync(Source(), Incremental(cursor));

        var item = batches.SelectMany(b => b.Items).Should().ContainSingle().Which;
        item.ExternalId.Should().Be("2");
        item.Values["name"].AsText().Should().Be("Robert");
        item.Values["updated_at"].AsDateTime().Should().Be(Now);
    }

    [Fact]
    public async Task A_second_read_of_an_unchanged_table_returns_one_empty_batch_with_a_cursor()
    {
        await Db.InsertAsync(1, "a", Now.AddHours(-3));
        await Db.InsertAsync(2, "b", Now.AddHours(-2));
        var (_, cursor) = await ReadChangesAsync(null);

        Clock.Advance(TimeSpan.FromMinutes(1));
        var batches = await ReadAsync(Source(), Incremental(cursor));

        batches.Should().ContainSingle().Which.Items.Should().BeEmpty();
        batches[0].Cursor.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Rows_without_a_timestamp_are_read_by_the_first_read_only()
    {
        await Db.InsertAsync(1, "stamped", Now.AddHours(-1));
        await Db.InsertAsync(2, "unstamped", null);

        var (first, cursor) = await ReadChangesAsync(null);
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (second, _) = await ReadChangesAsync(cursor);

        first.Should().Equal("2", "1");
        second.Should().BeEmpty();
    }

    [Fact]
    public async Task A_full_read_with_a_timestamp_field_leaves_a_cursor_an_incremental_read_resumes_from()
    {
        await Db.InsertAsync(2, "b", Now.AddHours(-1));
        await Db.InsertAsync(1, "a", Now.AddHours(-2));
        var full = await ReadAsync(Source(), Full(timestamp: "updated_at"));

        Clock.Advance(TimeSpan.FromMinutes(1));
        await Db.InsertAsync(3, "c", Now);
        var (ids, _) = await ReadChangesAsync(full[^1].Cursor);

        Ids(full).Should().Equal(["1", "2"], "with a timestamp field a full read runs in timestamp order, so each batch's cursor is a watermark");
        ids.Should().Equal("3");
    }

    [Fact]
    public async Task Without_any_overlap_a_read_resumes_exactly_after_the_watermark()
    {
        await Db.InsertAsync(1, "a", Now.AddSeconds(-2));
        await Db.InsertAsync(2, "b", Now.AddSeconds(-1));
        var source = Source(overlap: TimeSpan.Zero);
        var (_, cursor) = await ReadChangesAsync(null, source: source);

        Clock.Advance(TimeSpan.FromSeconds(5));
        await Db.InsertAsync(3, "c", Now);
        var (ids, _) = await ReadChangesAsync(cursor, source: source);

        ids.Should().Equal("3");
    }
}
