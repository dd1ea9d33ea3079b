using System.Globalization;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISource"/> contract, for any source: it describes its object and fields, a full read returns every
/// row once in batches of at most the batch size, every batch carries a cursor, an incremental read after the last
/// cursor of an unchanged source returns nothing new, changes after a cursor come back, and unknown objects and
/// foreign cursors are refused. A source's test project derives one class and provides a source over a fixture
/// (a table, a file, a fake API) holding given <see cref="FixtureRow"/>s, and the means to change it.
/// </summary>
/// <remarks>
/// An incremental read may return rows again (a source that reads an overlap window back does): "nothing new" means
/// every row it returns is one the previous read returned, with the same values. The fixture stamps each row it writes
/// with the time of the write in <c>updated_at</c>, later than any read before it.
/// </remarks>
public abstract class SourceSpecification
{
    /// <summary>The rows every test starts from: seven, so a batch size of three ends in a partial batch.</summary>
    protected static IReadOnlyList<FixtureRow> Rows { get; } =
    [
        new("1", "Ada", 1.5), new("2", "Bob", 2), new("3", "Cy", 3.25), new("4", "Di", 4),
        new("5", "Eve", 5), new("6", "Fay", 6.5), new("7", "Gus", 7),
    ];

    /// <summary>The name of the object the source reads the fixture as. Default <c>people</c>.</summary>
    protected virtual string ObjectName => "people";

    /// <summary>Whether the source reports the fixture's field types (text, number, date-time), or text for all. Default true.</summary>
    protected virtual bool ReportsFieldTypes => true;

    /// <summary>Creates a fixture holding <paramref name="rows"/>, stamped as changed in the past, and a source over it.</summary>
    /// <param name="rows">The rows of the fixture.</param>
    protected abstract Task<ISource> CreateSourceAsync(IReadOnlyList<FixtureRow> rows);

    /// <summary>Writes <paramref name="row"/> into the fixture, inserting it or changing the row of its id, stamped as changed now.</summary>
    /// <param name="row">The row's new values.</param>
    protected abstract Task UpsertAsync(FixtureRow row);

    /// <summary>Deletes the row of <paramref name="id"/> from the fixture.</summary>
    /// <param name="id">The row's id.</param>
    protected abstract Task DeleteAsync(string id);

    /// <summary>Describing lists the object with the fixture's fields and their types.</summary>
    [Fact]
    public virtual async Task Describe_lists_the_object_and_its_fields()
    {
        var source = await CreateSourceAsync(Rows);

        var objects = await source.DescribeAsync();

        var described = objects.Should().ContainSingle(o => o.Name == ObjectName).Which;
        described.Fields.Select(f => f.Name).Should().Contain(["id", "name", "score", "updated_at"]);
        if (ReportsFieldTypes)
        {
            described.Fields.Single(f => f.Name == "name").Type.Should().Be(FieldType.Text);
            described.Fields.Single(f => f.Name == "score").Type.Should().Be(FieldType.Number);
            described.Fields.Single(f => f.Name == "updated_at").Type.Should().Be(FieldType.DateTime);
        }
    }

    /// <summary>A full read returns every row once, with its values, in batches of at most the batch size, each with a cursor.</summary>
    [Fact]
    public virtual async Task A_full_read_returns_every_row_once_in_batches_of_at_most_the_batch_size()
    {
        var source = await CreateSourceAsync(Rows);

        var batches = await ReadAsync(source, Request(SourceReadMode.Full));

        batches.Should().OnlyContain(b => b.Items.Count <= 3 && !string.IsNullOrEmpty(b.Cursor));
        RowsRead(batches).Should().BeEquivalentTo(Rows, "a full read returns every row, once");
        batches.SelectMany(b => b.Items).Should().OnlyContain(i => i.Problem == null);
    }

    /// <summary>An incremental read without a cursor returns every row, each batch with a cursor.</summary>
    [Fact]
    public virtual async Task An_incremental_read_without_a_cursor_returns_every_row()
    {
        var source = await CreateSourceAsync(Rows);

        var batches = await ReadAsync(source, Request(SourceReadMode.Incremental));

        batches.Should().OnlyContain(b => b.Items.Count <= 3 && !string.IsNullOrEmpty(b.Cursor));
        RowsRead(batches).Should().BeEquivalentTo(Rows);
    }

    /// <summary>After the last cursor of a source nothing changed in, an incremental read returns no row it had not returned, and still a cursor.</summary>
    [Fact]
    public virtual async Task An_incremental_read_after_the_last_cursor_of_an_unchanged_source_returns_nothing_new()
    {
        var source = await CreateSourceAsync(Rows);
        var first = await ReadAsync(source, Request(SourceReadMode.Incremental));

        var second = await ReadAsync(source, Request(SourceReadMode.Incremental, first[^1].Cursor));

        second.Should().NotBeEmpty().And.OnlyContain(b => !string.IsNullOrEmpty(b.Cursor));
        RowsRead(second).Should().BeSubsetOf(RowsRead(first), "an unchanged source has nothing new to return");
    }

    /// <summary>Rows changed or added after a cursor come back with their new values in the next incremental read.</summary>
    [Fact]
    public virtual async Task Changes_after_a_cursor_come_back()
    {
        var source = await CreateSourceAsync(Rows);
        var first = await ReadAsync(source, Request(SourceReadMode.Incremental));
        var changed = Rows[1] with { Name = "Robert", Score = 20 };
        var added = new FixtureRow("8", "Hal", 8);

        await UpsertAsync(changed);
        await UpsertAsync(added);
        var second = RowsRead(await ReadAsync(source, Request(SourceReadMode.Incremental, first[^1].Cursor)));

        second.Should().Contain([changed, added]);
        second.Except([changed, added]).Should().BeSubsetOf(RowsRead(first), "the rest, if any, are rows read again unchanged");
    }

    /// <summary>A full read after a delete leaves the row out, so the caller finds the deletion by comparing ids.</summary>
    [Fact]
    public virtual async Task A_full_read_after_a_delete_leaves_the_row_out()
    {
        var source = await CreateSourceAsync(Rows);

        await DeleteAsync("3");
        var batches = await ReadAsync(source, Request(SourceReadMode.Full));

        RowsRead(batches).Select(r => r.Id).Should().BeEquivalentTo(["1", "2", "4", "5", "6", "7"]);
    }

    /// <summary>A read of an object the source does not have is refused.</summary>
    [Fact]
    public virtual async Task An_unknown_object_is_refused()
    {
        var source = await CreateSourceAsync(Rows);

        var read = () => ReadAsync(source, Request(SourceReadMode.Full) with { ObjectName = ObjectName + "_missing" });

        await read.Should().ThrowAsync<ArgumentException>();
    }

    /// <summary>An incremental read from a cursor the source did not write is refused.</summary>
    [Fact]
    public virtual async Task A_cursor_the_source_did_not_write_is_refused()
    {
        var source = await CreateSourceAsync(Rows);

        var read = () => ReadAsync(source, Request(SourceReadMode.Incremental, "not a cursor of this source"));

        await read.Should().ThrowAsync<ArgumentException>();
    }

    /// <summary>A read of the fixture's object by <c>id</c> and <c>updated_at</c>, three rows a batch.</summary>
    protected SourceReadRequest Request(SourceReadMode mode, string? cursor = null) =>
        new(ObjectName, mode, "id") { TimestampField = "updated_at", Cursor = cursor, BatchSize = 3 };

    /// <summary>Reads every batch; a request the source refuses throws here, whether it refuses it at once or when enumerated.</summary>
    protected static async Task<List<SourceBatch>> ReadAsync(ISource source, SourceReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(source);
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(request))
        {
            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>The items read, as fixture rows (values compared as invariant text, so a source that reads numbers as text passes).</summary>
    protected static List<FixtureRow> RowsRead(IEnumerable<SourceBatch> batches) =>
        [.. batches.SelectMany(b => b.Items).Select(i => new FixtureRow(
            i.ExternalId ?? string.Empty,
            i.Values.TryGetValue("name", out var name) ? name.ToString() : string.Empty,
            i.Values.TryGetValue("score", out var score) ? double.Parse(score.ToString(), CultureInfo.InvariantCulture) : double.NaN))];
}
