using Audiences.Sdk.Destinations;
using Audiences.Sdk.Testing.Specification;
using Audiences.Sdk.Warehouse.Tests.Databases;

namespace Audiences.Sdk.Warehouse.Tests.Destinations;

/// <summary>The destination specification over a contacts table of a test database, keyed by a text <c>id</c>.</summary>
public abstract class SqlDestinationSpecification(TestDatabase db, string numberType) : DestinationSpecification, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await db.DisposeAsync();

    protected override async Task<IDestination> CreateDestinationAsync(IReadOnlyList<DestinationRecord> records)
    {
        await db.ExecuteAsync($"CREATE TABLE {db.Table} (id TEXT PRIMARY KEY, email TEXT, name TEXT, score {numberType})");
        foreach (var record in records)
        {
            await db.ExecuteAsync(
                $"INSERT INTO {db.Table} (id, email, name, score) VALUES (@p0, @p1, @p2, @p3)",
                record.Key, Text(record, "email"), Text(record, "name"), record.Values["score"] is { IsEmpty: false } score ? score.AsNumber() : null);
        }

        return new SqlTableDestination(new SqlTableDestinationOptions(db.Factory, db.ConnectionString, db.Table, "id") { MaxBatchSize = 300, MaxReadSize = 70 });
    }

    private static string? Text(DestinationRecord record, string field) =>
        record.Values.GetValueOrDefault(field) is { IsEmpty: false } value ? value.AsText() : null;
}

public sealed class SqliteDestinationSpecification() : SqlDestinationSpecification(new SqliteTestDatabase(), "REAL");

public sealed class PostgresDestinationSpecification() : SqlDestinationSpecification(new PostgresTestDatabase(), "double precision");
