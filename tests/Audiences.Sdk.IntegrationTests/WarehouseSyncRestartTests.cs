using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Warehouse;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.IntegrationTests;

/// <summary>
/// A warehouse sync on the SQLite store across a restart: the second host, over the same database file, knows
/// when the sync is due from the stored runs and reads only what changed after the stored cursor.
/// </summary>
public sealed class WarehouseSyncRestartTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _clock = new(Start);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Restart_ResumesFromTheStoredCursor_AndTakesTheNextDueTimeFromTheStoredRuns()
    {
        var warehouse = _dir.File("warehouse.db");
        await ExecuteAsync(warehouse,
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT, job_title TEXT, updated_at DATETIME)",
            "INSERT INTO contacts VALUES (1, 'ada@example.com', 'CTO', '2026-03-01 09:00:00'), (2, 'grace@example.com', 'Admiral', '2026-03-01 09:05:00'), (3, 'alan@example.com', 'Researcher', '2026-03-01 09:05:00')");

        using (var first = Host())
        {
            var syncs = first.GetRequiredService<ISyncService>();
            await syncs.SaveAsync(Contacts(warehouse));
            var run = (await syncs.RunDueAsync().ToListAsync()).Should().ContainSingle().Subject;
            run.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Mode == SourceReadMode.Incremental && r.Read == 3 && r.Created == 3);
        }

        await ExecuteAsync(warehouse,
            "INSERT INTO contacts VALUES (4, 'linus@example.com', 'Engineer', '2026-03-02 07:30:00'), (5, 'ada@example.com', 'Founder', '2026-03-02 07:40:00')",
            "UPDATE contacts SET job_title = 'Fleet Admiral', updated_at = '2026-03-02 07:45:00' WHERE id = 2");
        _clock.Advance(TimeSpan.FromMinutes(10));

        using var restarted = Host();
        var again = restarted.GetRequiredService<ISyncService>();
        (await again.GetNextDueAsync("warehouse-contacts")).Should().Be(Start.AddMinutes(15), "the last run is read from the store, not kept in memory");
        (await again.RunDueAsync().ToListAsync()).Should().BeEmpty("nothing is due before the next slot");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var resumed = (await again.RunDueAsync().ToListAsync()).Should().ContainSingle().Subject;

        resumed.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Read == 3 && r.Created == 1 && r.Updated == 2,
            "only the new row, the update and the row with a known email are read; row 5 joins Ada's profile");
        var profiles = restarted.GetRequiredService<IProfileService>();
        (await profiles.CountAsync(EntityKind.Person)).Should().Be(4);
        var grace = await profiles.FindProfileAsync(EntityKind.Person, AliasFields.Email, "grace@example.com");
        grace!.Values["title"].Value.AsText().Should().Be("Fleet Admiral");
        var unchanged = await again.RunAsync("warehouse-contacts");
        unchanged.Should().Match<SyncRun>(r => r.Read == 0 && r.Created == 0 && r.Updated == 0, "an unchanged table reads back nothing");
    }

    [Fact]
    public async Task SaveAsync_FieldsNamedInAnotherCase_AreStoredAsTheSourceSpellsThem_AndRunsRead()
    {
        var warehouse = _dir.File("warehouse.db");
        await ExecuteAsync(warehouse,
            "CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT, job_title TEXT, updated_at DATETIME)",
            "INSERT INTO contacts VALUES (1, 'ada@example.com', 'CTO', '2026-03-01 09:00:00')");
        using var host = Host();
        var syncs = host.GetRequiredService<ISyncService>();

        var saved = await syncs.SaveAsync(Contacts(warehouse) with
        {
            ObjectName = "CONTACTS",
            IdField = "ID",
            TimestampField = "Updated_At",
            Mappings = [new FieldMapping("Job_Title", "title")],
        });
        var run = await syncs.RunAsync(saved.Name);

        saved.Should().Match<SyncDefinition>(d => d.ObjectName == "contacts" && d.IdField == "id" && d.TimestampField == "updated_at" && d.Mappings[0].SourceField == "job_title");
        (await syncs.GetAsync(saved.Name))!.TimestampField.Should().Be("updated_at");
        run.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Created == 1);
    }

    private ServiceProvider Host()
    {
        var store = _dir.File("audiences.db");
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddAudiences(b => b
            .UseSqlite($"Data Source={store}")
            .AddSqlSource(o => o.Providers["sqlite"] = SqliteFactory.Instance));
        return services.BuildServiceProvider();
    }

    private static SyncDefinition Contacts(string warehouse) =>
        new("warehouse-contacts",
            new SourceSettings(SqlSourceFactory.SourceType, new Dictionary<string, string>
            {
                ["provider"] = "sqlite",
                ["connection"] = $"Data Source={warehouse}",
                ["query"] = "SELECT id, email, job_title, updated_at FROM contacts",
                ["object"] = "contacts",
            }),
            "contacts",
            "id")
        {
            TimestampField = "updated_at",
            SourceName = "warehouse",
            SourceKind = SourceKind.Warehouse,
            Schedule = SyncSchedule.WarehouseIncremental,
            Mappings = [new FieldMapping("job_title", "title")],
        };

    private static async Task ExecuteAsync(string path, params string[] statements)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync();
        }
    }
}
