using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Schema;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Apply_NewDatabase_CreatesEveryTableAtTheLatestVersion()
    {
        using var connection = Open();

        var version = SchemaMigrator.Apply(connection, SchemaMigrations.All, "test.db");

        version.Should().Be(SchemaMigrations.Latest);
        Tables(connection).Should().Contain(
            ["schema_version", "meta", "profiles", "merged_ids", "source_records", "aliases", "merges", "fields", "related_records",
             "sync_definitions", "sync_cursors", "sync_runs", "drafts", "draft_records",
             "credit_budgets", "credit_reservations", "credit_spends", "enrichment_definitions", "enrichment_runs", "enrichment_outputs",
             "signal_definitions", "signal_runs", "signal_checks",
             "export_definitions", "export_runs", "export_checkpoints", "export_outcomes", "export_failures"]);
    }

    [Fact]
    public void Apply_Twice_ChangesNothingTheSecondTime()
    {
        using var connection = Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All, "test.db");
        var tables = Tables(connection);

        var again = () => SchemaMigrator.Apply(connection, SchemaMigrations.All, "test.db");

        again.Should().NotThrow().Which.Should().Be(SchemaMigrations.Latest);
        Tables(connection).Should().Equal(tables);
        Scalar(connection, "SELECT COUNT(*) FROM schema_version").Should().Be(SchemaMigrations.All.Count);
    }

    [Fact]
    public void Apply_NewerStep_UpgradesAnOlderDatabaseInPlace()
    {
        using var connection = Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All, "test.db");
        Execute(connection, "INSERT INTO fields (kind, key, type, origin, display_name, export_status) VALUES (1, 'kept', 1, 'a', 'kept', 0)");
        var next = SchemaMigrations.Latest + 1;
        Migration[] steps = [.. SchemaMigrations.All, new(next, "a later step", "CREATE TABLE later_step (id INTEGER PRIMARY KEY)")];

        var version = SchemaMigrator.Apply(connection, steps, "test.db");

        version.Should().Be(next);
        Tables(connection).Should().Contain("later_step");
        Scalar(connection, "SELECT COUNT(*) FROM fields WHERE key = 'kept'").Should().Be(1, "an upgrade keeps the data");
    }

    [Fact]
    public void Apply_FailingStep_LeavesTheDatabaseAtItsOldVersion()
    {
        using var connection = Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All, "test.db");
        Migration[] steps = [.. SchemaMigrations.All, new(SchemaMigrations.Latest + 1, "broken", "CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL")];

        var apply = () => SchemaMigrator.Apply(connection, steps, "test.db");

        apply.Should().Throw<SqliteException>();
        SchemaMigrator.CurrentVersion(connection).Should().Be(SchemaMigrations.Latest);
        Tables(connection).Should().NotContain("half_done");
    }

    [Fact]
    public void Apply_DatabaseFromANewerRelease_ThrowsNamingTheFileAndVersions()
    {
        using var connection = Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All, "test.db");
        Execute(connection, "INSERT INTO schema_version (version, description) VALUES (999, 'from the future')");

        var apply = () => SchemaMigrator.Apply(connection, SchemaMigrations.All, "/data/audiences.db");

        apply.Should().Throw<InvalidOperationException>()
            .WithMessage($"*'/data/audiences.db'*schema version 999*up to {SchemaMigrations.Latest}*upgrade the Audiences.Sdk.Sqlite package*");
    }

    [Fact]
    public void Constructor_DatabaseFromANewerRelease_Throws()
    {
        using (var store = _directory.OpenStore())
        {
        }

        using (var connection = new SqliteConnection(_directory.ConnectionString()))
        {
            connection.Open();
            Execute(connection, "INSERT INTO schema_version (version, description) VALUES (999, 'from the future')");
        }

        var open = () => _directory.OpenStore();

        open.Should().Throw<InvalidOperationException>().WithMessage($"*{_directory.File("audiences.db")}*999*");
    }

    [Fact]
    public void All_StepsAreInStrictlyIncreasingVersionOrder()
    {
        SchemaMigrations.All.Select(m => m.Version).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        SchemaMigrations.All[0].Version.Should().Be(1);
    }

    [Fact]
    public void All_TheEnrichmentStepIsVersion7()
    {
        SchemaMigrations.All.Should().Contain(m => m.Version == 7 && m.Sql.Contains("CREATE TABLE enrichment_runs", StringComparison.Ordinal));
    }

    [Fact]
    public void All_TheSignalStepIsVersion8()
    {
        SchemaMigrations.All.Should().Contain(m => m.Version == 8
            && m.Sql.Contains("CREATE TABLE signal_runs", StringComparison.Ordinal)
            && m.Sql.Contains("CREATE TABLE signal_checks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_DatabaseOfTheEnrichmentVersion_GainsTheSignalTablesAndKeepsItsData()
    {
        using (var connection = Open())
        {
            SchemaMigrator.Apply(connection, [.. SchemaMigrations.All.Where(m => m.Version <= 7)], "test.db").Should().Be(7);
            Tables(connection).Should().NotContain("signal_runs");
            Execute(connection, "INSERT INTO enrichment_definitions (name_key, definition) VALUES ('KEPT', '{}')");
        }

        await using (var store = _directory.OpenStore())
        {
            var run = await store.SignalRuns.StartRunAsync(new SignalRun(0, "job-changes", SignalTrigger.Manual, DateTimeOffset.UnixEpoch));
            run.Id.Should().Be(1);
            await store.SignalRuns.RecordChecksAsync("job-changes", [new ProfileId(1)], DateTimeOffset.UnixEpoch);
        }

        using (var connection = Open())
        {
            SchemaMigrator.CurrentVersion(connection).Should().Be(SchemaMigrations.Latest);
            Tables(connection).Should().Contain(["signal_definitions", "signal_runs", "signal_checks"]);
            Scalar(connection, "SELECT COUNT(*) FROM enrichment_definitions WHERE name_key = 'KEPT'").Should().Be(1, "an upgrade keeps the data");
            Scalar(connection, "SELECT COUNT(*) FROM signal_checks").Should().Be(1);
        }
    }

    [Fact]
    public void All_TheExportStepIsVersion9()
    {
        SchemaMigrations.All.Should().Contain(m => m.Version == 9
            && m.Sql.Contains("CREATE TABLE export_runs", StringComparison.Ordinal)
            && m.Sql.Contains("CREATE TABLE export_outcomes", StringComparison.Ordinal)
            && m.Sql.Contains("CREATE TABLE export_failures", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_DatabaseOfTheSignalVersion_GainsTheExportTablesAndKeepsItsData()
    {
        using (var connection = Open())
        {
            SchemaMigrator.Apply(connection, [.. SchemaMigrations.All.Where(m => m.Version <= 8)], "test.db").Should().Be(8);
            Tables(connection).Should().NotContain("export_runs");
            Execute(connection, "INSERT INTO signal_definitions (name_key, definition) VALUES ('KEPT', '{}')");
            Execute(connection, "INSERT INTO signal_checks (signal_key, profile_id, checked_until) VALUES ('KEPT', 1, 0)");
        }

        await using (var store = _directory.OpenStore())
        {
            var run = await store.ExportRuns.TryStartRunAsync(new ExportRun(0, "crm", ExportTrigger.Manual, DateTimeOffset.UnixEpoch), DateTimeOffset.MinValue);
            run!.Id.Should().Be(1);
            await store.ExportRuns.SaveCheckpointAsync(new ExportCheckpoint("crm", 1, 1, "f", DateTimeOffset.UnixEpoch));
            await store.ExportOutcomes.RecordAsync("crm", run.Id, [new ExportOutcome(new ProfileId(1), "a@x.io", ExportOutcomeKind.Failed) { Reason = "refused" }], DateTimeOffset.UnixEpoch);
        }

        using (var connection = Open())
        {
            SchemaMigrator.CurrentVersion(connection).Should().Be(SchemaMigrations.Latest);
            Tables(connection).Should().Contain(["export_definitions", "export_runs", "export_checkpoints", "export_outcomes", "export_failures"]);
            Scalar(connection, "SELECT COUNT(*) FROM signal_definitions WHERE name_key = 'KEPT'").Should().Be(1, "an upgrade keeps the data");
            Scalar(connection, "SELECT COUNT(*) FROM signal_checks").Should().Be(1, "an upgrade keeps the data");
            Scalar(connection, "SELECT COUNT(*) FROM export_outcomes").Should().Be(1);
            Scalar(connection, "SELECT COUNT(*) FROM export_failures").Should().Be(1);
        }
    }

    public void Dispose() => _directory.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_directory.ConnectionString());
        connection.Open();
        return connection;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
