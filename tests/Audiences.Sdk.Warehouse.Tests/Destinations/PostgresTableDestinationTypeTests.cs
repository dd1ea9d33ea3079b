using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Warehouse.Tests.Databases;
using Npgsql;

namespace Audiences.Sdk.Warehouse.Tests.Destinations;

/// <summary>PostgreSQL column types SQLite lacks: arrays, timestamps without a zone, dates, numerics and UUIDs.</summary>
public sealed class PostgresTableDestinationTypeTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _db = new();

    public Task InitializeAsync() => _db.ExecuteAsync(
        $"CREATE TABLE {_db.Table} (id uuid PRIMARY KEY, labels text[], local_at timestamp, born date, amount numeric(10, 2))");

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Lists_timestamps_dates_numerics_and_uuid_keys_are_written_as_the_columns_take_them()
    {
        var destination = new SqlTableDestination(new SqlTableDestinationOptions(_db.Factory, _db.ConnectionString, _db.Table, "id"));
        var key = "0f8fad5b-d9cb-469f-a165-70867728950e";
        var at = new DateTimeOffset(2026, 5, 4, 13, 14, 15, TimeSpan.Zero);

        var results = await destination.WriteAsync(
        [
            new(key, DestinationWriteKind.Create, new Dictionary<string, FieldValue>
            {
                ["labels"] = FieldValue.FromList(["a", "b"]), ["local_at"] = FieldValue.FromDateTime(at),
                ["born"] = FieldValue.FromDateTime(new DateTimeOffset(1990, 2, 3, 0, 0, 0, TimeSpan.Zero)), ["amount"] = FieldValue.FromNumber(12.5),
            }),
            new("not-a-uuid", DestinationWriteKind.Create, new Dictionary<string, FieldValue>()),
        ]);

        results.Single(r => r.Key == key).Succeeded.Should().BeTrue();
        results.Single(r => r.Key == "not-a-uuid").Error.Should().Contain("'id'");
        var description = await destination.DescribeAsync();
        description.Fields.Select(f => f.Type).Should().Equal(FieldType.Text, FieldType.TextList, FieldType.DateTime, FieldType.DateTime, FieldType.Number);
        var record = await destination.ReadAsync(new DestinationReadRequest([key.ToUpperInvariant()], ["labels", "local_at", "born", "amount"])).SingleAsync();
        record.Key.Should().Be(key.ToUpperInvariant());
        record.Values["labels"].Should().Be(FieldValue.FromList(["a", "b"]));
        record.Values["local_at"].Should().Be(FieldValue.FromDateTime(at));
        record.Values["born"].Should().Be(FieldValue.FromDateTime(new DateTimeOffset(1990, 2, 3, 0, 0, 0, TimeSpan.Zero)));
        record.Values["amount"].Should().Be(FieldValue.FromNumber(12.5));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_makes_the_call_fail_as_a_whole_transiently()
    {
        var destination = new SqlTableDestination(new SqlTableDestinationOptions(
            NpgsqlFactory.Instance, "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2", "contacts", "id"));

        var act = () => destination.WriteAsync([new("1", DestinationWriteKind.Remove, new Dictionary<string, FieldValue>())]);

        (await act.Should().ThrowAsync<DestinationUnavailableException>().WithMessage("*'contacts'*")).Which.Transient.Should().BeTrue();
    }
}
