using System.Globalization;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Specification;
using Audiences.Sdk.Warehouse.Tests.Databases;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Warehouse.Tests.Specification;

/// <summary>The source specification over the people table of a test database, read as the object <c>people</c>.</summary>
public abstract class SqlSourceSpecification : SourceSpecification, IAsyncLifetime
{
    private readonly TestDatabase _db;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    protected SqlSourceSpecification(TestDatabase db)
    {
        _db = db;
    }

    public Task InitializeAsync() => _db.CreatePeopleAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    protected override async Task<ISource> CreateSourceAsync(IReadOnlyList<FixtureRow> rows)
    {
        foreach (var row in rows)
        {
            await InsertAsync(row, _clock.GetUtcNow().AddHours(-1));
        }

        return new SqlQuerySource(new SqlQuerySourceOptions(_db.Factory, _db.ConnectionString, _db.People) { ObjectName = "people" }, _clock);
    }

    protected override async Task UpsertAsync(FixtureRow row)
    {
        // A write happens after the reads before it, as on a real clock.
        _clock.Advance(TimeSpan.FromSeconds(1));
        await DeleteAsync(row.Id);
        await InsertAsync(row, _clock.GetUtcNow());
    }

    protected override Task DeleteAsync(string id) => _db.DeleteAsync(long.Parse(id, CultureInfo.InvariantCulture));

    private Task InsertAsync(FixtureRow row, DateTimeOffset at) =>
        _db.InsertAsync(long.Parse(row.Id, CultureInfo.InvariantCulture), row.Name, at, row.Score);
}

public sealed class SqliteSourceSpecification() : SqlSourceSpecification(new SqliteTestDatabase());

public sealed class PostgresSourceSpecification() : SqlSourceSpecification(new PostgresTestDatabase());
