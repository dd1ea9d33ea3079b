namespace Audiences.Cli.Tests;

public sealed class ImportSqlCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();
    private readonly SqliteWarehouse _warehouse;

    public ImportSqlCommandTests() => _warehouse = new SqliteWarehouse(_workspace.Folder).WithPeople(3);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Imports_the_rows_and_prints_the_summary_import_csv_prints()
    {
        var result = await ImportPeopleAsync("--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json.AsObject();
        json.Select(p => p.Key).Should().StartWith(["read", "created", "updated", "unchanged", "merged", "probabilisticMerged", "queuedForReview", "rejected", "errors"]);
        ((long)json["read"]!).Should().Be(3);
        ((long)json["created"]!).Should().Be(3);
        ((string)json["sync"]!).Should().Be("sql:warehouse:people");
        ((string)json["status"]!).Should().Be("succeeded");
        var profiles = (await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person")).Json.AsArray();
        profiles.Select(p => (string)p!["fields"]!["email"]!).Should().BeEquivalentTo("person1@example.com", "person2@example.com", "person3@example.com");
        profiles[0]!["sources"]![0]!["source"]!.GetValue<string>().Should().Be("warehouse");
    }

    [Fact]
    public async Task Importing_again_with_the_same_source_reads_only_the_changed_rows_and_then_nothing()
    {
        (await ImportPeopleAsync()).ExitCode.Should().Be(0);
        _warehouse.ChangePlan(2, "pro");

        var second = await ImportPeopleAsync("--json");
        var third = await ImportPeopleAsync("--json");

        second.ExitCode.Should().Be(0, second.ToString());
        ((long)second.Json["read"]!).Should().Be(1);
        ((long)second.Json["updated"]!).Should().Be(1);
        ((string)second.Json["mode"]!).Should().Be("incremental");
        // The changed row lies within the source's overlap window (5 minutes), so it may be read again, but it changes nothing.
        ((long)third.Json["created"]! + (long)third.Json["updated"]!).Should().Be(0, "nothing changed since the last run");
        ((long)third.Json["read"]!).Should().BeLessThanOrEqualTo(1);
        var person = (await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "email=person2@example.com")).Json;
        ((string)person["fields"]!["plan"]!).Should().Be("pro");
    }

    [Fact]
    public async Task A_second_import_of_an_unchanged_table_reads_nothing()
    {
        (await ImportPeopleAsync()).ExitCode.Should().Be(0);

        var second = await ImportPeopleAsync("--json");

        second.ExitCode.Should().Be(0, second.ToString());
        ((long)second.Json["read"]!).Should().Be(0);
        ((string)second.Json["status"]!).Should().Be("succeeded");
    }

    [Fact]
    public async Task Full_reads_every_row_again()
    {
        (await ImportPeopleAsync()).ExitCode.Should().Be(0);

        var result = await ImportPeopleAsync("--json", "--full");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["read"]!).Should().Be(3);
        ((long)result.Json["unchanged"]!).Should().Be(3);
        ((string)result.Json["mode"]!).Should().Be("full");
    }

    [Fact]
    public async Task Each_source_and_each_object_keeps_its_own_cursor()
    {
        (await ImportPeopleAsync("--source", "app")).ExitCode.Should().Be(0);

        var other = await ImportPeopleAsync("--json", "--source", "billing");
        var companies = await _workspace.RunAsync(
            "--json", "import", "sql", "--provider", "sqlite", "--connection", new SqliteWarehouse(_workspace.Folder, "crm.db").WithCompanies(2).Connection,
            "--query", SqliteWarehouse.CompaniesQuery, "--kind", "company", "--id-column", "id", "--timestamp-column", "updated_at", "--source", "app");

        ((long)other.Json["read"]!).Should().Be(3, "another source has read nothing yet");
        ((string)other.Json["sync"]!).Should().Be("sql:billing:people");
        companies.ExitCode.Should().Be(0, companies.ToString());
        ((long)companies.Json["read"]!).Should().Be(2);
        ((string)companies.Json["sync"]!).Should().Be("sql:app:companies");
        var syncs = (await _workspace.RunAsync("--json", "sync", "list")).Json.AsArray();
        syncs.Select(s => (string)s!["name"]!).Should().Equal("sql:app:companies", "sql:app:people", "sql:billing:people");
    }

    [Fact]
    public async Task The_sync_shows_in_sync_list_as_by_hand_with_the_full_path_of_the_file()
    {
        (await ImportPeopleAsync()).ExitCode.Should().Be(0);

        var json = (await _workspace.RunAsync("--json", "sync", "list")).Json.AsArray().Should().ContainSingle().Subject!;
        var text = await _workspace.RunAsync("sync", "list");

        ((bool)json["schedule"]!["manual"]!).Should().BeTrue();
        json["nextDue"].Should().BeNull();
        ((string)json["settings"]!["connection"]!).Should().Contain(_warehouse.Path);
        Path.IsPathFullyQualified(_warehouse.Path).Should().BeTrue();
        text.Stdout.Should().Contain("sql:warehouse:people").And.Contain("by hand");
    }

    [Fact]
    public async Task Brings_audience_membership_up_to_date()
    {
        (await ImportPeopleAsync()).ExitCode.Should().Be(0);
        (await _workspace.RunAsync("audience", "create", "Pro", "--kind", "person", "--filter", "plan = 'pro'")).ExitCode.Should().Be(0);
        _warehouse.ChangePlan(1, "pro");

        var result = await ImportPeopleAsync("--json");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["membership"]!["entered"]!).Should().Be(1);
    }

    [Fact]
    public async Task An_unknown_provider_is_refused()
    {
        var result = await _workspace.RunAsync(
            "import", "sql", "--provider", "oracle", "--connection", _warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery, "--kind", "person", "--id-column", "id");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("--provider 'oracle'").And.Contain("sqlite or postgres");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task A_query_that_fails_prints_the_database_message()
    {
        var result = await _workspace.RunAsync(
            "import", "sql", "--provider", "sqlite", "--connection", _warehouse.Connection, "--query", "SELECT * FROM missing_table", "--kind", "person", "--id-column", "id");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("no such table: missing_table");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_id_or_timestamp_column_is_named_with_the_columns_there_are()
    {
        var id = await _workspace.RunAsync(
            "import", "sql", "--provider", "sqlite", "--connection", _warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery, "--kind", "person", "--id-column", "person_id");
        var timestamp = await _workspace.RunAsync(
            "import", "sql", "--provider", "sqlite", "--connection", _warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery, "--kind", "person",
            "--id-column", "id", "--timestamp-column", "changed_at");

        id.ExitCode.Should().Be(1, id.ToString());
        id.Stderr.Should().Contain("'person_id'").And.Contain("'email'");
        timestamp.ExitCode.Should().Be(1, timestamp.ToString());
        timestamp.Stderr.Should().Contain("'changed_at'");
    }

    [Fact]
    public async Task A_missing_sqlite_file_is_refused_and_not_created()
    {
        var missing = Path.Combine(_workspace.Folder, "nowhere.db");

        var result = await _workspace.RunAsync(
            "import", "sql", "--provider", "sqlite", "--connection", $"Data Source={missing}", "--query", SqliteWarehouse.PeopleQuery, "--kind", "person", "--id-column", "id");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain(missing).And.Contain("does not exist");
        File.Exists(missing).Should().BeFalse();
        File.Exists(_workspace.DatabasePath).Should().BeFalse("nothing is opened before the options are checked");
    }

    [Fact]
    public async Task A_table_dropped_after_the_first_import_fails_the_next_one()
    {
        (await ImportPeopleAsync()).ExitCode.Should().Be(0);
        _warehouse.Execute("DROP TABLE people");

        var again = await ImportPeopleAsync();
        var run = await _workspace.RunAsync("--json", "sync", "run", "sql:warehouse:people");

        again.ExitCode.Should().Be(1, again.ToString());
        again.Stderr.Should().Contain("no such table: people");
        run.ExitCode.Should().Be(1, run.ToString());
        ((string)run.Json["status"]!).Should().Be("failed");
        ((string)run.Json["failure"]!).Should().Contain("people");
        var history = (await _workspace.RunAsync("--json", "sync", "history", "sql:warehouse:people")).Json.AsArray();
        history.Select(r => (string)r!["status"]!).Should().Equal("failed", "succeeded");
    }

    [Fact]
    public async Task Missing_options_are_usage_errors()
    {
        var noId = await _workspace.RunAsync(
            "import", "sql", "--provider", "sqlite", "--connection", _warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery, "--kind", "person");
        var noQuery = await _workspace.RunAsync("import", "sql", "--provider", "sqlite", "--connection", _warehouse.Connection, "--kind", "person", "--id-column", "id");

        noId.ExitCode.Should().Be(2, noId.ToString());
        noId.Stderr.Should().Contain("--id-column");
        noQuery.ExitCode.Should().Be(2, noQuery.ToString());
        noQuery.Stderr.Should().Contain("--query");
    }

    [Fact]
    public async Task Mappings_and_the_human_summary()
    {
        var result = await ImportPeopleAsync("--map", "name=full_name", "--source-kind", "crm");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("sync 'sql:warehouse:people'").And.Contain("read 3, created 3");
        var person = (await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "email=person1@example.com")).Json;
        ((string)person["fields"]!["full_name"]!).Should().Be("Person 1");
        person["fields"]!.AsObject().ContainsKey("name").Should().BeFalse();
    }

    private Task<CliResult> ImportPeopleAsync(params string[] extra)
    {
        var json = extra.Contains("--json");
        string[] args =
        [
            .. json ? new[] { "--json" } : [],
            "import", "sql", "--provider", "sqlite", "--connection", _warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery,
            "--kind", "person", "--id-column", "id", "--timestamp-column", "updated_at",
            .. extra.Where(e => e != "--json"),
        ];
        return _workspace.RunAsync(args);
    }
}
