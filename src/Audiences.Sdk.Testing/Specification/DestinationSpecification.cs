using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IDestination"/> contract, for any destination: it describes its object with the key field among
/// its fields; a read returns one record for each key held and none for the others, with only the fields asked; a
/// write answers each record exactly once, matched by key; an update sets the fields given of a record held and fails
/// (alone) for one not held; a create adds a record or sets the values of one held by now; a removal removes a record
/// or does nothing for one gone already; the same batch sent twice has the effect of once; a bad record fails alone
/// while the rest of its batch is applied; and a batch of the destination's full size is taken. A destination's test
/// project derives one class and creates a destination over a fixture (a table, a file, a fake API) holding given
/// records.
/// </summary>
/// <remarks>
/// The fixture is an object keyed by <c>id</c> (text) with the fields <c>email</c> and <c>name</c> (text) and
/// <c>score</c> (a number). State is checked by reading it back with <see cref="ReadBackAsync"/>, which reads the
/// destination itself unless a derived class reads the fixture directly. Checks of creating and removing are vacuous
/// for a destination that says it can do neither.
/// </remarks>
public abstract partial class DestinationSpecification
{
    /// <summary>The records every test starts from, keyed <c>1</c> to <c>5</c>; the third has no score.</summary>
    protected static IReadOnlyList<DestinationRecord> Records { get; } =
    [
        Record("1", "ada@example.com", "Ada", 1.5),
        Record("2", "bob@example.com", "Bob", 2),
        Record("3", "cy@example.com", "Cy", null),
        Record("4", "di@example.com", "Di", 4),
        Record("5", "eve@example.com", "Eve", 5.25),
    ];

    /// <summary>The fields of the fixture besides the key.</summary>
    protected static IReadOnlyList<string> ValueFields { get; } = ["email", "name", "score"];

    /// <summary>Whether the destination reports and reads back the fixture's field types, or text for all. Default true.</summary>
    protected virtual bool ReportsFieldTypes => true;

    /// <summary>The largest batch the suite sends to check the batch size is taken (the destination's own is used when smaller). Default 1,000.</summary>
    protected virtual int LargestBatchChecked => 1_000;

    /// <summary>Creates a fixture holding <paramref name="records"/> (keyed by <c>id</c>, with <c>email</c>, <c>name</c> and <c>score</c>) and a destination over it.</summary>
    /// <param name="records">The records the fixture holds.</param>
    protected abstract Task<IDestination> CreateDestinationAsync(IReadOnlyList<DestinationRecord> records);

    /// <summary>The records held under <paramref name="keys"/> with the values of <paramref name="fields"/>, to check what writes did.</summary>
    /// <remarks>Reads the destination in reads of at most its read size; a destination that cannot read overrides it to read its fixture.</remarks>
    /// <param name="destination">The destination under test.</param>
    /// <param name="keys">The keys to look up.</param>
    /// <param name="fields">The fields wanted.</param>
    protected virtual async Task<IReadOnlyList<DestinationRecord>> ReadBackAsync(IDestination destination, IReadOnlyList<string> keys, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(keys);
        var description = await destination.DescribeAsync();
        var records = new List<DestinationRecord>();
        foreach (var chunk in keys.Chunk(Math.Max(1, description.MaxReadSize)))
        {
            await foreach (var record in destination.ReadAsync(new DestinationReadRequest(chunk, fields)))
            {
                records.Add(record);
            }
        }

        return records;
    }

    /// <summary>The destination names its object, the key field is <c>id</c> and among its fields with the fixture's, and its limits are at least one.</summary>
    [Fact]
    public virtual async Task Describes_its_object_with_the_key_field_among_its_fields()
    {
        var destination = await CreateDestinationAsync(Records);

        var description = await destination.DescribeAsync();

        description.ObjectName.Should().NotBeNullOrWhiteSpace();
        description.KeyField.Should().Be("id");
        description.Fields.Select(f => f.Name).Should().OnlyHaveUniqueItems().And.Contain(["id", .. ValueFields]);
        description.MaxBatchSize.Should().BePositive();
        description.MaxReadSize.Should().BePositive();
        if (ReportsFieldTypes)
        {
            description.Fields.Single(f => f.Name == "name").Type.Should().Be(FieldType.Text);
            description.Fields.Single(f => f.Name == "score").Type.Should().Be(FieldType.Number);
        }
    }

    /// <summary>A read returns one record for each key held, none for a key not held, with the values of only the fields asked.</summary>
    [Fact]
    public virtual async Task A_read_returns_the_records_held_with_only_the_fields_asked()
    {
        var destination = await CreateDestinationAsync(Records);
        if (!(await destination.DescribeAsync()).CanRead)
        {
            return;
        }

        var records = new List<DestinationRecord>();
        await foreach (var record in destination.ReadAsync(new DestinationReadRequest(["1", "404", "3", "5"], ["name", "score"])))
        {
            records.Add(record);
        }

        records.Select(r => r.Key).Should().BeEquivalentTo(["1", "3", "5"], "one record per key held, none for 404");
        records.Should().OnlyContain(r => r.Values.Keys.All(f => f == "name" || f == "score"), "only the fields asked are read");
        State(records, ["name", "score"]).Should().Equal(State(Held(Records, ["1", "3", "5"]), ["name", "score"]));
    }

    /// <summary>A read of as many keys as the read size allows, none of them held but a few, returns those few.</summary>
    [Fact]
    public virtual async Task A_read_of_the_full_read_size_returns_the_few_held()
    {
        var destination = await CreateDestinationAsync(Records);
        var description = await destination.DescribeAsync();
        if (!description.CanRead)
        {
            return;
        }

        var keys = Enumerable.Range(1, Math.Min(description.MaxReadSize, LargestBatchChecked)).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var records = new List<DestinationRecord>();
        await foreach (var record in destination.ReadAsync(new DestinationReadRequest(keys, ["email"])))
        {
            records.Add(record);
        }

        records.Select(r => r.Key).Should().BeEquivalentTo(Records.Select(r => r.Key).Where(keys.Contains));
    }

    /// <summary>An empty batch gets an empty answer.</summary>
    [Fact]
    public virtual async Task An_empty_batch_gets_an_empty_answer()
    {
        var destination = await CreateDestinationAsync(Records);

        var results = await destination.WriteAsync([]);

        results.Should().BeEmpty();
    }

    /// <summary>A call with a cancelled token throws <see cref="OperationCanceledException"/>.</summary>
    [Fact]
    public virtual async Task Honours_cancellation()
    {
        var destination = await CreateDestinationAsync(Records);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => destination.WriteAsync([Update("1", ("name", Text("Ada L.")))], cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>An update of a record held.</summary>
    /// <param name="key">Its key.</param>
    /// <param name="values">The values to set.</param>
    protected static DestinationWrite Update(string key, params (string Field, FieldValue Value)[] values) =>
        new(key, DestinationWriteKind.Update, Values(values));

    /// <summary>A create of a record.</summary>
    /// <param name="key">Its key.</param>
    /// <param name="values">The values to set.</param>
    protected static DestinationWrite Create(string key, params (string Field, FieldValue Value)[] values) =>
        new(key, DestinationWriteKind.Create, Values(values));

    /// <summary>A removal of a record.</summary>
    /// <param name="key">Its key.</param>
    protected static DestinationWrite Remove(string key) => new(key, DestinationWriteKind.Remove, Values([]));

    /// <summary>A text value.</summary>
    /// <param name="text">The text.</param>
    protected static FieldValue Text(string text) => FieldValue.FromText(text);

    private static DestinationRecord Record(string key, string email, string name, double? score) =>
        new(key, Values(("email", Text(email)), ("name", Text(name)), ("score", score is { } s ? FieldValue.FromNumber(s) : FieldValue.Empty)));

    private static Dictionary<string, FieldValue> Values(params (string Field, FieldValue Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value, StringComparer.Ordinal);

    private static IEnumerable<DestinationRecord> Held(IEnumerable<DestinationRecord> records, IReadOnlyList<string> keys) =>
        records.Where(r => keys.Contains(r.Key));

    // Each record as one line of text, sorted by key, so two states compare whole and a difference reads plainly. An
    // absent value and an empty one are the same; without field types, values compare by their invariant text.
    private List<string> State(IEnumerable<DestinationRecord> records, IReadOnlyList<string> fields) =>
    [
        .. records.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
            r.Key + ": " + string.Join(", ", fields.Select(f => $"{f}={Show(r.Values.GetValueOrDefault(f))}"))),
    ];

    private string Show(FieldValue value) =>
        value.IsEmpty ? "(empty)" : ReportsFieldTypes ? $"{value.Type}:{value}" : value.ToString();
}
