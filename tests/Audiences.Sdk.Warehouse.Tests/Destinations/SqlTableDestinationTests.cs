using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Warehouse.Tests.Databases;

namespace Audiences.Sdk.Warehouse.Tests.Destinations;

/// <summary>
/// The SQL table destination on a visits table of every column type: values are typed from the columns, a record the
/// database refuses fails alone, and names are quoted.
/// </summary>
public abstract class SqlTableDestinationTests(TestDatabase db, SqlTableDestinationTests.ColumnTypes types) : IAsyncLifetime
{
    private static readonly DateTimeOffset SeenAt = new(2026, 3, 1, 9, 30, 15, TimeSpan.Zero);

    public sealed record ColumnTypes(string Key, string Whole, string Number, string Boolean, string Timestamp);

    public Task InitializeAsync() => db.ExecuteAsync(
        $"CREATE TABLE {db.Table} (id {types.Key} PRIMARY KEY, email TEXT NOT NULL, visits {types.Whole} CHECK (visits >= 0), " +
        $"score {types.Number}, active {types.Boolean}, seen_at {types.Timestamp}, tags TEXT, \"select\" TEXT)");

    public async Task DisposeAsync() => await db.DisposeAsync();

    [Fact]
    public async Task Describe_gives_the_columns_with_their_types_and_the_key()
    {
        var description = await Destination().DescribeAsync();

        description.ObjectName.Should().Be(db.Table);
        description.KeyField.Should().Be("id");
        description.Fields.Should().Equal(
            new DestinationField("id", FieldType.Number), new DestinationField("email", FieldType.Text), new DestinationField("visits", FieldType.Number),
            new DestinationField("score", FieldType.Number), new DestinationField("active", FieldType.Boolean), new DestinationField("seen_at", FieldType.DateTime),
            new DestinationField("tags", FieldType.Text), new DestinationField("select", FieldType.Text));
        description.Should().Match<DestinationDescription>(d => d.CanRead && d.CanCreate && d.CanRemove);
    }

    [Fact]
    public async Task Values_of_every_type_are_written_as_the_columns_take_them_and_read_back()
    {
        var destination = Destination();

        var results = await destination.WriteAsync(
        [
            Create("7", ("email", Text("ada@example.com")), ("visits", FieldValue.FromNumber(3)), ("score", FieldValue.FromNumber(2.5)),
                ("active", FieldValue.FromBoolean(true)), ("seen_at", FieldValue.FromDateTime(SeenAt)), ("tags", FieldValue.FromList(["vip", "beta"])),
                ("select", Text("chosen"))),
            Create("8", ("email", Text("bob@example.com")), ("visits", Text("12")), ("score", Text("-0.25")), ("active", Text("no")),
                ("seen_at", Text("2026-03-02"))),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        var records = await ReadAsync(destination, ["7", "8"], ["email", "visits", "score", "active", "seen_at", "tags", "select"]);
        records["7"].Should().BeEquivalentTo(new Dictionary<string, FieldValue>
        {
            ["email"] = Text("ada@example.com"), ["visits"] = FieldValue.FromNumber(3), ["score"] = FieldValue.FromNumber(2.5),
            ["active"] = FieldValue.FromBoolean(true), ["seen_at"] = FieldValue.FromDateTime(SeenAt), ["tags"] = Text("vip; beta"), ["select"] = Text("chosen"),
        });
        records["8"]["visits"].Should().Be(FieldValue.FromNumber(12));
        records["8"]["score"].Should().Be(FieldValue.FromNumber(-0.25));
        records["8"]["active"].Should().Be(FieldValue.FromBoolean(false));
        records["8"]["seen_at"].Should().Be(FieldValue.FromDateTime(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero)));
        records["8"]["tags"].IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task A_value_the_column_cannot_take_fails_its_record_alone_naming_the_table_and_the_column()
    {
        var destination = Destination();

        var results = await destination.WriteAsync(
        [
            Create("1", ("email", Text("a@example.com")), ("visits", FieldValue.FromNumber(1.5))),
            Create("2", ("email", Text("b@example.com")), ("score", Text("high"))),
            Create("3", ("email", Text("c@example.com")), ("active", Text("perhaps"))),
            Create("4", ("email", Text("d@example.com")), ("seen_at", Text("last tuesday"))),
            Create("5", ("email", Text("e@example.com")), ("visits", FieldValue.FromNumber(5))),
        ]);

        Error(results, "1").Should().Contain($"'{db.Table}'").And.Contain("'visits'").And.Contain("whole numbers");
        Error(results, "2").Should().Contain("'score'").And.Contain("'high'");
        Error(results, "3").Should().Contain("'active'").And.Contain("'perhaps'");
        Error(results, "4").Should().Contain("'seen_at'").And.Contain("'last tuesday'");
        results.Where(r => r.Key != "5").Should().OnlyContain(r => !r.Retryable);
        results.Single(r => r.Key == "5").Succeeded.Should().BeTrue();
        (await ReadAsync(destination, ["1", "2", "3", "4", "5"], ["visits"])).Keys.Should().Equal("5");
    }

    [Fact]
    public async Task A_record_the_database_refuses_is_rolled_back_alone_and_the_rest_commit()
    {
        var destination = Destination();

        var results = await destination.WriteAsync(
        [
            Create("1", ("email", Text("a@example.com")), ("visits", FieldValue.FromNumber(1))),
            Create("2", ("email", Text("b@example.com")), ("visits", FieldValue.FromNumber(-1))),
            Create("3", ("visits", FieldValue.FromNumber(3))),
            Create("4", ("email", Text("d@example.com"))),
        ]);

        Error(results, "2").Should().Contain($"'{db.Table}'");
        Error(results, "3").Should().Contain($"'{db.Table}'");
        results.Where(r => r.Key is "1" or "4").Should().OnlyContain(r => r.Succeeded);
        (await ReadAsync(destination, ["1", "2", "3", "4"], ["email"])).Keys.Should().BeEquivalentTo("1", "4");
    }

    [Fact]
    public async Task A_key_that_cannot_be_a_value_of_the_key_column_is_held_by_no_row()
    {
        var destination = Destination();

        var results = await destination.WriteAsync(
        [
            Create("abc", ("email", Text("a@example.com"))),
            new("xyz", DestinationWriteKind.Remove, new Dictionary<string, FieldValue>()),
        ]);
        var read = await ReadAsync(destination, ["abc"], ["email"]);

        Error(results, "abc").Should().Contain("'abc'").And.Contain("'id'");
        results.Single(r => r.Key == "xyz").Succeeded.Should().BeTrue();
        read.Should().BeEmpty();
    }

    [Fact]
    public async Task A_key_is_answered_as_it_was_asked_whatever_form_the_column_gives_it()
    {
        var destination = Destination();
        await destination.WriteAsync([Create("7", ("email", Text("ada@example.com")))]);

        var read = await ReadAsync(destination, ["07"], ["email"]);

        read.Keys.Should().Equal("07");
    }

    [Fact]
    public async Task Names_are_quoted_so_any_table_or_column_name_works()
    {
        var table = db.Table + " odd \"name\"";
        var quoted = "\"" + table.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await db.ExecuteAsync($"CREATE TABLE {quoted} (\"key \"\"col\"\"\" TEXT PRIMARY KEY, \"from\" TEXT)");
        try
        {
            var destination = new SqlTableDestination(new SqlTableDestinationOptions(db.Factory, db.ConnectionString, table, "key \"col\""));

            var results = await destination.WriteAsync([Create("k'1", ("from", Text("it's \"here\"")))]);
            var read = await ReadAsync(destination, ["k'1"], ["from"]);

            results.Should().OnlyContain(r => r.Succeeded);
            read["k'1"]["from"].Should().Be(Text("it's \"here\""));
        }
        finally
        {
            await db.ExecuteAsync($"DROP TABLE {quoted}");
        }
    }

    [Fact]
    public async Task A_table_that_is_not_there_is_refused_naming_it()
    {
        var destination = new SqlTableDestination(new SqlTableDestinationOptions(db.Factory, db.ConnectionString, db.Table + "_missing", "id"));

        var act = async () => await destination.DescribeAsync();

        (await act.Should().ThrowAsync<DestinationUnavailableException>().WithMessage($"*'{db.Table}_missing'*")).Which.Transient.Should().BeFalse();
    }

    [Fact]
    public async Task A_key_column_that_is_not_there_is_refused_naming_it_and_the_columns()
    {
        var destination = new SqlTableDestination(new SqlTableDestinationOptions(db.Factory, db.ConnectionString, db.Table, "contact_id"));

        var act = () => destination.WriteAsync([Create("1", ("email", Text("a@example.com")))]);

        (await act.Should().ThrowAsync<DestinationUnavailableException>().WithMessage("*'contact_id'*'email'*")).Which.Transient.Should().BeFalse();
    }

    [Fact]
    public async Task A_batch_larger_than_the_batch_size_or_with_a_key_twice_is_refused()
    {
        var destination = new SqlTableDestination(new SqlTableDestinationOptions(db.Factory, db.ConnectionString, db.Table, "id") { MaxBatchSize = 1 });

        var tooLarge = () => destination.WriteAsync([Create("1"), Create("2")]);
        var twice = () => Destination().WriteAsync([Create("1"), Create("1")]);

        await tooLarge.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 1 records, not 2*");
        await twice.Should().ThrowAsync<ArgumentException>().WithMessage("*'1' twice*");
    }

    [Fact]
    public async Task A_read_of_a_field_the_table_lacks_or_of_too_many_keys_is_refused()
    {
        var destination = new SqlTableDestination(new SqlTableDestinationOptions(db.Factory, db.ConnectionString, db.Table, "id") { MaxReadSize = 1 });

        var unknown = () => ReadAsync(destination, ["1"], ["phone"]);
        var tooMany = () => ReadAsync(destination, ["1", "2"], ["email"]);

        await unknown.Should().ThrowAsync<ArgumentException>().WithMessage("*'phone'*");
        await tooMany.Should().ThrowAsync<ArgumentException>().WithMessage("*at most 1 keys*");
    }

    private SqlTableDestination Destination() => new(new SqlTableDestinationOptions(db.Factory, db.ConnectionString, db.Table, "id"));

    private static DestinationWrite Create(string key, params (string Field, FieldValue Value)[] values) =>
        new(key, DestinationWriteKind.Create, values.ToDictionary(v => v.Field, v => v.Value));

    private static FieldValue Text(string text) => FieldValue.FromText(text);

    private static string Error(IReadOnlyList<DestinationResult> results, string key) =>
        results.Single(r => r.Key == key).Error ?? throw new InvalidOperationException($"The write of '{key}' succeeded.");

    private static async Task<Dictionary<string, IReadOnlyDictionary<string, FieldValue>>> ReadAsync(IDestination destination, string[] keys, string[] fields)
    {
        var records = new Dictionary<string, IReadOnlyDictionary<string, FieldValue>>();
        await foreach (var record in destination.ReadAsync(new DestinationReadRequest(keys, fields)))
        {
            records.Add(record.Key, record.Values);
        }

        return records;
    }
}

public sealed class SqliteTableDestinationTests()
    : SqlTableDestinationTests(new SqliteTestDatabase(), new ColumnTypes("INTEGER", "INTEGER", "REAL", "BOOLEAN", "DATETIME"));

public sealed class PostgresTableDestinationTests()
    : SqlTableDestinationTests(new PostgresTestDatabase(), new ColumnTypes("bigint", "integer", "double precision", "boolean", "timestamptz"));
