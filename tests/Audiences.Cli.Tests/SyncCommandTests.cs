namespace Audiences.Cli.Tests;

public sealed class SyncCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();
    private readonly SqliteWarehouse _warehouse;

    public SyncCommandTests() => _warehouse = new SqliteWarehouse(_workspace.Folder).WithPeople(3);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_sql_sync_with_a_timestamp_runs_every_15_minutes_by_default_and_is_due_then()
    {
        var add = await AddSqlAsync("signups", "--json", "--timestamp-column", "updated_at");

        add.ExitCode.Should().Be(0, add.ToString());
        var schedule = add.Json["schedule"]!;
        ((string)schedule["every"]!).Should().Be("15m");
        schedule["fullEvery"].Should().BeNull();
        ((bool)schedule["manual"]!).Should().BeFalse();
        DateTimeOffset.Parse((string)add.Json["nextDue"]!, System.Globalization.CultureInfo.InvariantCulture).Should().BeAfter(DateTimeOffset.UnixEpoch);
        ((string)add.Json["type"]!).Should().Be("sql");
        ((string)add.Json["timestampField"]!).Should().Be("updated_at");
    }

    [Fact]
    public async Task A_sync_without_a_timestamp_runs_in_full_every_12_hours_by_default()
    {
        var sql = await AddSqlAsync("signups", "--json");
        var csv = await AddCsvAsync("contacts", "--json");

        ((string)sql.Json["schedule"]!["fullEvery"]!).Should().Be("12h");
        sql.Json["schedule"]!["every"].Should().BeNull();
        csv.ExitCode.Should().Be(0, csv.ToString());
        ((string)csv.Json["schedule"]!["fullEvery"]!).Should().Be("12h");
        ((string)csv.Json["type"]!).Should().Be("csv");
        ((string)csv.Json["idField"]!).Should().Be("#row");
        ((string)csv.Json["settings"]!["path"]!).Should().Be(Path.Combine(_workspace.Folder, "contacts.csv"));
    }

    [Fact]
    public async Task Given_schedules_are_stored_as_given()
    {
        var every = await AddSqlAsync("a", "--json", "--timestamp-column", "updated_at", "--every", "90s", "--full-every", "7d");
        var cron = await AddSqlAsync("b", "--json", "--timestamp-column", "updated_at", "--cron", "0 * * * *");
        var full = await AddCsvAsync("c", "--json", "--full-every", "1d");

        every.ExitCode.Should().Be(0, every.ToString());
        ((string)every.Json["schedule"]!["every"]!).Should().Be("90s");
        ((string)every.Json["schedule"]!["fullEvery"]!).Should().Be("7d");
        ((string)cron.Json["schedule"]!["cron"]!).Should().Be("0 * * * *");
        cron.Json["schedule"]!["every"].Should().BeNull();
        ((string)full.Json["schedule"]!["fullEvery"]!).Should().Be("1d");
        var list = await _workspace.RunAsync("sync", "list");
        list.Stdout.Should().Contain("every 90s, in full every 7d").And.Contain("cron \"0 * * * *\"").And.Contain("in full every 1d").And.Contain("never");
    }

    [Fact]
    public async Task Run_prints_the_run_and_history_lists_runs_newest_first()
    {
        (await AddSqlAsync("signups", "--timestamp-column", "updated_at")).ExitCode.Should().Be(0);

        var first = await _workspace.RunAsync("--json", "sync", "run", "signups");
        _warehouse.ChangePlan(1, "pro");
        var second = await _workspace.RunAsync("sync", "run", "signups");
        var history = await _workspace.RunAsync("--json", "sync", "history", "signups");
        var limited = await _workspace.RunAsync("--json", "sync", "history", "signups", "--limit", "1");
        var text = await _workspace.RunAsync("sync", "history", "signups");

        first.ExitCode.Should().Be(0, first.ToString());
        var run = first.Json.AsObject();
        run.Select(p => p.Key).Should().Contain(["status", "read", "created", "updated", "rejected", "deleted", "durationSeconds", "errors", "failure"]);
        ((string)run["status"]!).Should().Be("succeeded");
        ((long)run["read"]!).Should().Be(3);
        ((long)run["created"]!).Should().Be(3);
        second.ExitCode.Should().Be(0, second.ToString());
        second.Stdout.Should().Contain("succeeded (incremental").And.Contain("read 1, created 0, updated 1");
        history.Json.AsArray().Select(r => (long)r!["read"]!).Should().Equal(1, 3);
        limited.Json.AsArray().Should().ContainSingle();
        text.Stdout.Should().StartWith("RUN").And.Contain("succeeded");
        var listed = (await _workspace.RunAsync("--json", "sync", "list")).Json[0]!;
        ((long)listed["lastRun"]!["read"]!).Should().Be(1);
    }

    [Fact]
    public async Task A_csv_sync_keys_rows_as_import_csv_does_and_reports_rejected_rows()
    {
        _workspace.WriteCsv("contacts.csv", "email,name", "ada@example.com,Ada", "grace@example.com,Grace,extra");
        (await AddCsvAsync("contacts")).ExitCode.Should().Be(0);

        var run = await _workspace.RunAsync("--json", "sync", "run", "contacts");
        var import = await _workspace.RunAsync("--json", "import", "csv", "--kind", "person", "--file", Path.Combine(_workspace.Folder, "contacts.csv"));

        run.ExitCode.Should().Be(0, run.ToString());
        ((long)run.Json["created"]!).Should().Be(1);
        ((long)run.Json["rejected"]!).Should().Be(1);
        var error = run.Json["errors"]!.AsArray().Should().ContainSingle().Subject!;
        ((long?)error["line"]).Should().Be(3, "a run's errors keep the line import csv reports");
        ((string)error["message"]!).Should().Contain("header has 2 columns");
        ((long)import.Json["created"]!).Should().Be(0, "the sync keyed the rows as import csv does, so importing the file again creates nobody");
    }

    [Fact]
    public async Task A_run_that_fails_is_printed_and_exits_1()
    {
        (await AddSqlAsync("signups")).ExitCode.Should().Be(0);
        _warehouse.Execute("DROP TABLE people");

        var result = await _workspace.RunAsync("sync", "run", "signups");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().Contain("failed (full");
        result.Stderr.Should().Contain("sync 'signups' failed").And.Contain("no such table: people");
    }

    [Fact]
    public async Task Remove_drops_the_sync_and_keeps_the_profiles()
    {
        (await AddSqlAsync("signups")).ExitCode.Should().Be(0);
        (await _workspace.RunAsync("sync", "run", "signups")).ExitCode.Should().Be(0);

        var removed = await _workspace.RunAsync("--json", "sync", "remove", "signups");
        var again = await _workspace.RunAsync("sync", "remove", "signups");

        removed.ExitCode.Should().Be(0, removed.ToString());
        ((string)removed.Json["removed"]!).Should().Be("signups");
        (await _workspace.RunAsync("--json", "sync", "list")).Json.AsArray().Should().BeEmpty();
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("3");
        again.ExitCode.Should().Be(1, again.ToString());
        again.Stderr.Should().Contain("there is no sync 'signups'");
    }

    [Fact]
    public async Task Unknown_syncs_are_named()
    {
        (await AddSqlAsync("signups")).ExitCode.Should().Be(0);

        var run = await _workspace.RunAsync("sync", "run", "nope");
        var history = await _workspace.RunAsync("sync", "history", "nope");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("there is no sync 'nope'").And.Contain("sync list");
        history.ExitCode.Should().Be(1, history.ToString());
    }

    [Fact]
    public async Task An_empty_workspace_lists_no_syncs()
    {
        (await AddSqlAsync("signups")).ExitCode.Should().Be(0);
        (await _workspace.RunAsync("sync", "remove", "signups")).ExitCode.Should().Be(0);

        var text = await _workspace.RunAsync("sync", "list");

        text.Stdout.Should().Contain("No syncs yet");
    }

    [Theory]
    [InlineData("--every", "15")]
    [InlineData("--every", "0m")]
    [InlineData("--every", "5w")]
    [InlineData("--full-every", "-1h")]
    [InlineData("--full-every", "soon")]
    public async Task Bad_durations_are_refused(string option, string value)
    {
        var result = await AddSqlAsync("signups", "--timestamp-column", "updated_at", option, value);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain($"{option} '{value}' is not a duration").And.Contain("15m");
    }

    [Fact]
    public async Task A_bad_cron_expression_is_refused_with_the_sdk_message()
    {
        var result = await AddSqlAsync("signups", "--timestamp-column", "updated_at", "--cron", "99 * * * *");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("'99 * * * *'").And.Contain("does not parse");
        (await _workspace.RunAsync("--json", "sync", "list")).Json.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Incremental_schedules_need_a_timestamp_column()
    {
        var csv = await AddCsvAsync("contacts", "--every", "15m");
        var sql = await AddSqlAsync("signups", "--cron", "0 * * * *");

        csv.ExitCode.Should().Be(1, csv.ToString());
        csv.Stderr.Should().Contain("--timestamp-column").And.Contain("--full-every");
        sql.ExitCode.Should().Be(1, sql.ToString());
    }

    [Fact]
    public async Task Both_or_neither_source_and_incomplete_sql_options_are_usage_errors()
    {
        _workspace.WriteCsv("contacts.csv", "email", "ada@example.com");
        var both = await _workspace.RunAsync("sync", "add", "x", "--kind", "person", "--file", "contacts.csv", "--provider", "sqlite");
        var neither = await _workspace.RunAsync("sync", "add", "x", "--kind", "person");
        var noQuery = await _workspace.RunAsync("sync", "add", "x", "--kind", "person", "--provider", "sqlite", "--connection", _warehouse.Connection, "--id-column", "id");
        var noName = await _workspace.RunAsync("sync", "add", "--kind", "person", "--file", "contacts.csv");

        both.ExitCode.Should().Be(2, both.ToString());
        both.Stderr.Should().Contain("give one source");
        neither.ExitCode.Should().Be(2, neither.ToString());
        neither.Stderr.Should().Contain("--file PATH").And.Contain("--provider");
        noQuery.ExitCode.Should().Be(2, noQuery.ToString());
        noQuery.Stderr.Should().Contain("also needs --query");
        noName.ExitCode.Should().Be(2, noName.ToString());
    }

    [Fact]
    public async Task A_missing_file_or_standard_input_is_refused()
    {
        var missing = await _workspace.RunAsync("sync", "add", "x", "--kind", "person", "--file", Path.Combine(_workspace.Folder, "nope.csv"));
        var stdin = await _workspace.RunAsync("sync", "add", "x", "--kind", "person", "--file", "-");

        missing.ExitCode.Should().Be(1, missing.ToString());
        missing.Stderr.Should().Contain("was not found");
        stdin.ExitCode.Should().Be(1, stdin.ToString());
        stdin.Stderr.Should().Contain("standard input");
    }

    [Fact]
    public async Task A_sync_name_with_a_slash_is_refused_by_the_sdk()
    {
        var result = await AddSqlAsync("a/b");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("'a/b'");
    }

    [Fact]
    public async Task Adding_a_sync_again_replaces_it_and_keeps_its_cursor()
    {
        (await AddSqlAsync("signups", "--timestamp-column", "updated_at")).ExitCode.Should().Be(0);
        (await _workspace.RunAsync("sync", "run", "signups")).ExitCode.Should().Be(0);

        var replaced = await AddSqlAsync("signups", "--json", "--timestamp-column", "updated_at", "--every", "1h");
        var run = await _workspace.RunAsync("--json", "sync", "run", "signups");

        ((string)replaced.Json["schedule"]!["every"]!).Should().Be("1h");
        ((long)run.Json["read"]!).Should().Be(0, "the cursor was kept");
    }

    [Fact]
    public async Task Listing_needs_a_database()
    {
        var result = await _workspace.RunAsync("sync", "list");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("there is no database");
    }

    [Fact]
    public async Task Fuzzy_fields_and_a_batch_size_are_stored_with_the_sync_and_bad_ones_are_refused()
    {
        var added = await AddCsvAsync("contacts", "--json", "--fuzzy", "first_name, surname", "--batch-size", "500");
        var badFuzzy = await AddCsvAsync("other", "--fuzzy", "First Name");
        var badBatch = await AddCsvAsync("other", "--batch-size", "0");

        added.ExitCode.Should().Be(0, added.ToString());
        added.Json["fuzzy"]!.AsArray().Select(f => (string)f!).Should().Equal("first_name", "surname");
        ((int)added.Json["batchSize"]!).Should().Be(500);
        badFuzzy.ExitCode.Should().Be(1);
        badFuzzy.Stderr.Should().Contain("'First Name' is not a field key");
        badBatch.ExitCode.Should().Be(1);
        badBatch.Stderr.Should().Contain("--batch-size '0'");
    }

    private Task<CliResult> AddSqlAsync(string name, params string[] extra) => _workspace.RunAsync(
    [
        .. extra.Where(e => e == "--json"),
        "sync", "add", name, "--kind", "person", "--provider", "sqlite", "--connection", _warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery, "--id-column", "id",
        .. extra.Where(e => e != "--json"),
    ]);

    private Task<CliResult> AddCsvAsync(string name, params string[] extra)
    {
        var file = Path.Combine(_workspace.Folder, "contacts.csv");
        if (!File.Exists(file))
        {
            _workspace.WriteCsv("contacts.csv", "email,name", "ada@example.com,Ada", "grace@example.com,Grace");
        }

        return _workspace.RunAsync(
        [
            .. extra.Where(e => e == "--json"),
            "sync", "add", name, "--kind", "person", "--file", file,
            .. extra.Where(e => e != "--json"),
        ]);
    }
}
