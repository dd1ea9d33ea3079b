using Audiences.Sdk.Sources;
using Audiences.Sdk.Warehouse.Tests.Databases;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>A people table on a test database, a clock the source reads "now" from, and helpers to read.</summary>
public abstract class SqlSourceTestBase : IAsyncLifetime
{
    protected SqlSourceTestBase(TestDatabase database)
    {
        Db = database;
    }

    protected TestDatabase Db { get; }

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    protected DateTimeOffset Now => Clock.GetUtcNow();

    public virtual Task InitializeAsync() => Db.CreatePeopleAsync();

    public async Task DisposeAsync() => await Db.DisposeAsync();

    protected SqlQuerySource Source(string? query = null, TimeSpan? overlap = null) => Db.Source(Clock, query, overlap);

    protected static SourceReadRequest Full(int batchSize = 100, string id = "id", string? timestamp = null) =>
        new("query", SourceReadMode.Full, id) { BatchSize = batchSize, TimestampField = timestamp };

    protected static SourceReadRequest Incremental(string? cursor, int batchSize = 100, string id = "id", string timestamp = "updated_at") =>
        new("query", SourceReadMode.Incremental, id) { Cursor = cursor, BatchSize = batchSize, TimestampField = timestamp };

    protected static async Task<List<SourceBatch>> ReadAsync(ISource source, SourceReadRequest request)
    {
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(request))
        {
            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>The ids of every item, in read order.</summary>
    protected static List<string?> Ids(IEnumerable<SourceBatch> batches) => batches.SelectMany(b => b.Items).Select(i => i.ExternalId).ToList();

    /// <summary>Reads incrementally from <paramref name="cursor"/>; returns the ids read and the last cursor.</summary>
    protected async Task<(List<string?> Ids, string Cursor)> ReadChangesAsync(string? cursor, int batchSize = 100, SqlQuerySource? source = null)
    {
        var batches = await ReadAsync(source ?? Source(), Incremental(cursor, batchSize));
        return (Ids(batches), batches[^1].Cursor!);
    }
}
