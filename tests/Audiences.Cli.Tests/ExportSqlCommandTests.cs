namespace Audiences.Cli.Tests;

/// <summary><c>export add/plan/run/history/failures/list/remove</c> over a SQLite "app database".</summary>
public sealed class ExportSqlCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Add_stores_the_export_with_its_rules_membership_and_default_schedule()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);

        var add = await ExportData.AddSqlAsync(_workspace, app, ["--json", .. ExportData.Mappings]);

        add.ExitCode.Should().Be(0, add.ToString());
        var json = add.Json;
        json.AsObject().Select(p => p.Key).Should().Equal(
            "name", "kind", "destination", "audience", "key_field", "key_source", "create_new", "remove_on_exit", "every", "max_attempts", "mappings", "membership", "last_run");
        ((string)json["name"]!).Should().Be("app");
        ((string)json["kind"]!).Should().Be("person");
        ((string)json["destination"]!["type"]!).Should().Be("sql");
        ((string)json["destination"]!["settings"]!["table"]!).Should().Be("contacts");
        ((string)json["destination"]!["settings"]!["key-column"]!).Should().Be("email");
        ((string)json["destination"]!["settings"]!["connection"]!).Should().Contain(app, "the file is stored by its full path");
        ((long)json["audience"]!["id"]!).Should().Be(1);
        ((string)json["audience"]!["name"]!).Should().Be(ExportData.PaidAudience);
        ((string)json["key_field"]!).Should().Be("email");
        ((bool)json["create_new"]!).Should().BeFalse();
        ((string)json["every"]!).Should().Be("1d", "24 hours unless --every or --manual");
        ((int)json["max_attempts"]!).Should().Be(5);
        json["mappings"]!.AsArray().Select(m => $"{m!["field"]}>{m["destination_field"]}:{m["rule"]}").Should().Equal("first_name>first_name:if-empty", "title>title:never");
        var membership = json["membership"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)membership["destination_field"]!).Should().Be("status");
        ((string)membership["value_in"]!).Should().Be("customer");
        ((string)membership["value_out"]!).Should().Be("former");
        json["last_run"].Should().BeNull();
        add.Stderr.Should().BeEmpty("a membership mapping writes, so no hint");
    }

    [Fact]
    public async Task Add_in_text_lists_the_mappings_and_hints_when_every_rule_is_never()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);

        var text = await ExportData.AddSqlAsync(_workspace, app, "--map", "title=title", "--map", "first_name=first_name", "--manual");
        var json = await ExportData.AddSqlAsync(_workspace, app, "--json", "--map", "title=title");

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Should().Contain("Saved export 'app' (person, sql table contacts, sqlite Data Source=")
            .And.Contain(", by hand).")
            .And.Contain("title -> title (never)")
            .And.Contain("Hint: every mapping is 'never' (the default when no rule is given)");
        json.ExitCode.Should().Be(0, json.ToString());
        json.Stderr.Should().Contain("hint: every mapping is 'never'", "the hint goes to stderr so stdout stays one JSON document");
        _ = json.Json;
    }

    [Fact]
    public async Task Plan_shows_will_write_skipped_by_rule_unchanged_and_skip_per_record_and_field()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);
        (await ExportData.AddSqlAsync(_workspace, app, [.. ExportData.Mappings, "--map", "email=email:always"])).ExitCode.Should().Be(0);

        var json = await EnrichData.SucceedAsync(_workspace, "--json", "export", "plan", "app");
        var text = await EnrichData.SucceedAsync(_workspace, "export", "plan", "app");

        json.Json.AsObject().Select(p => p.Key).Should().Equal("export", "records", "shown", "actions", "fields", "plan");
        ((int)json.Json["records"]!).Should().Be(2, "Paid holds Ada and Grace");
        ((int)json.Json["actions"]!["update"]!).Should().Be(2);
        var ada = json.Json["plan"]!.AsArray().Single(r => (string?)r!["key"] == "ada@home.example")!;
        ((string)ada["action"]!).Should().Be("update");
        Field(ada, "first_name").Should().Be("unchanged:if-empty:Ada:Ada");
        Field(ada, "title").Should().Be("skipped-by-rule:never:CTO:Engineer");
        Field(ada, "status").Should().Be("write:always:customer:");
        Field(ada, "email").Should().Be("unchanged:always:ada@home.example:ada@home.example");
        var grace = json.Json["plan"]!.AsArray().Single(r => (string?)r!["key"] == "grace@home.example")!;
        Field(grace, "first_name").Should().Be("write:if-empty:Grace:", "the app's value is empty");
        Field(grace, "status").Should().Be("write:always:customer:lead");
        text.Stdout.Should().Contain("Export 'app' would consider 2 records: 2 will update.")
            .And.Contain("skipped by rule (never)")
            .And.Contain("will write")
            .And.Contain("unchanged");
        ExportData.Contacts(app)["ada@home.example"].Status.Should().BeNull("a plan sends nothing");
    }

    [Fact]
    public async Task Plan_shows_would_create_with_create_and_skip_without_it_and_limit_cuts_the_records_not_the_counts()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);
        await _workspace.RunAsync([
            "export", "add", "everyone", "--to", "sql", "--provider", "sqlite", "--connection", $"Data Source={app}", "--table", "contacts",
            "--key-column", "email", "--kind", "person", "--audience", ExportData.EveryoneAudience, "--map", "first_name=first_name:always"]);
        var skip = await EnrichData.SucceedAsync(_workspace, "--json", "export", "plan", "everyone");
        await _workspace.RunAsync([
            "export", "add", "everyone", "--to", "sql", "--provider", "sqlite", "--connection", $"Data Source={app}", "--table", "contacts",
            "--key-column", "email", "--kind", "person", "--audience", ExportData.EveryoneAudience, "--map", "first_name=first_name:always", "--map", "email=email:always", "--create"]);

        var create = await EnrichData.SucceedAsync(_workspace, "--json", "export", "plan", "everyone", "--limit", "1");
        var text = await EnrichData.SucceedAsync(_workspace, "export", "plan", "everyone");

        var alan = skip.Json["plan"]!.AsArray().Single(r => (string?)r!["key"] == "alan@home.example")!;
        ((string)alan["action"]!).Should().Be("skip");
        ((string)alan["reason"]!).Should().NotBeNullOrWhiteSpace();
        ((int)create.Json["records"]!).Should().Be(3);
        ((int)create.Json["shown"]!).Should().Be(1);
        create.Json["plan"]!.AsArray().Should().HaveCount(1);
        ((int)create.Json["actions"]!["create"]!).Should().Be(1, "Alan is not in the app and creating is on");
        text.Stdout.Should().Contain("would create");
    }

    [Fact]
    public async Task Run_writes_the_planned_values_then_a_second_run_sends_only_changes_and_history_lists_both()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);
        (await ExportData.AddSqlAsync(_workspace, app, ExportData.Mappings)).ExitCode.Should().Be(0);

        var first = await EnrichData.SucceedAsync(_workspace, "--json", "export", "run", "app");
        var contacts = ExportData.Contacts(app);
        await ExportData.DowngradeAdaAsync(_workspace);
        var second = await EnrichData.SucceedAsync(_workspace, "export", "run", "app");
        var history = await EnrichData.SucceedAsync(_workspace, "--json", "export", "history", "app");
        var historyText = await EnrichData.SucceedAsync(_workspace, "export", "history", "app");

        foreach (var key in new[] { "sent", "succeeded", "failed", "created", "skipped", "status", "id", "updated", "removed", "failure" })
        {
            first.Json.AsObject().ContainsKey(key).Should().BeTrue(key);
        }

        ((string)first.Json["status"]!).Should().Be("completed");
        ((long)first.Json["sent"]!).Should().Be(2);
        ((long)first.Json["succeeded"]!).Should().Be(2);
        ((long)first.Json["failed"]!).Should().Be(0);
        ((long)first.Json["created"]!).Should().Be(0);
        contacts["ada@home.example"].Should().Be(("Ada", "Engineer", "customer"), "the title is never written, the first name was set");
        contacts["grace@home.example"].Should().Be(("Grace", "Admiral", "customer"), "the empty first name is filled");
        contacts.Should().NotContainKey("alan@home.example");
        second.Stdout.Should().Contain("Export 'app', run 2: completed:");
        ExportData.Contacts(app)["ada@home.example"].Status.Should().Be("former", "Ada left Paid: the membership's out value is written");
        history.Json.AsArray().Select(r => (long)r!["id"]!).Should().Equal(2, 1);
        ((bool)history.Json[1]!["full"]!).Should().BeTrue();
        historyText.Stdout.Should().Contain("RUN").And.Contain("completed (full)");
    }

    [Fact]
    public async Task List_shows_the_exports_with_masked_passwords_and_failures_is_empty_after_a_clean_run()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);
        (await ExportData.AddSqlAsync(_workspace, app, ExportData.Mappings)).ExitCode.Should().Be(0);
        await EnrichData.SucceedAsync(_workspace, "export", "run", "app");

        var json = await EnrichData.SucceedAsync(_workspace, "--json", "export", "list");
        var text = await EnrichData.SucceedAsync(_workspace, "export", "list");
        var failures = await EnrichData.SucceedAsync(_workspace, "--json", "export", "failures", "app");
        var failuresText = await EnrichData.SucceedAsync(_workspace, "export", "failures", "app");

        var item = json.Json.AsArray().Should().ContainSingle().Subject!;
        ((string)item["name"]!).Should().Be("app");
        ((long)item["last_run"]!["id"]!).Should().Be(1);
        text.Stdout.Should().Contain("app").And.Contain("table contacts").And.Contain("audience 1 'Paid'").And.Contain("completed, sent 2");
        failures.Json.AsArray().Should().BeEmpty();
        failuresText.Stdout.Should().Contain("Export 'app' has no failed records.");
    }

    [Fact]
    public async Task Remove_removes_the_definition_and_the_next_call_names_it_unknown()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);
        (await ExportData.AddSqlAsync(_workspace, app, ExportData.Mappings)).ExitCode.Should().Be(0);

        var remove = await EnrichData.SucceedAsync(_workspace, "--json", "export", "remove", "app");
        var run = await _workspace.RunAsync("export", "run", "app");
        var empty = await EnrichData.SucceedAsync(_workspace, "export", "list");

        ((bool)remove.Json["removed"]!).Should().BeTrue();
        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Contain("there is no export 'app'; 'export list' shows the exports there are.");
        empty.Stdout.Should().Contain("No exports yet");
    }

    [Fact]
    public async Task A_run_whose_records_fail_exits_1_naming_the_first_reason_and_failures_lists_them_with_their_next_try()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);
        (await ExportData.AddSqlAsync(_workspace, app, ExportData.Mappings)).ExitCode.Should().Be(0);

        // The app refuses every change to a contact from now on: each record fails on its own.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER frozen BEFORE UPDATE ON contacts BEGIN SELECT RAISE(ABORT, 'contacts are frozen'); END";
            command.ExecuteNonQuery();
        }

        var run = await _workspace.RunAsync("--json", "export", "run", "app");
        var failures = await EnrichData.SucceedAsync(_workspace, "--json", "export", "failures", "app");
        var text = await EnrichData.SucceedAsync(_workspace, "export", "failures", "app");

        run.ExitCode.Should().Be(1, run.ToString());
        ((long)run.Json["failed"]!).Should().Be(2);
        run.Stderr.Should().Contain("error: export 'app': 2 records failed (first: ").And.Contain("frozen").And.Contain("'export failures app'");
        var failure = failures.Json.AsArray().First()!;
        failure.AsObject().Select(p => p.Key).Should().Equal("profile", "key", "reason", "attempts", "last_attempt_at", "retry_at", "gave_up");
        ((string)failure["reason"]!).Should().Contain("frozen");
        ((int)failure["attempts"]!).Should().Be(1);
        text.Stdout.Should().Contain("2 records whose last write failed").And.Contain("ATTEMPTS").And.Contain("NEXT TRY");
    }

    private static string Field(System.Text.Json.Nodes.JsonNode record, string name)
    {
        var field = record["fields"]!.AsArray().Single(f => (string?)f!["destination_field"] == name)!;
        return $"{field["action"]}:{field["rule"]}:{field["value"]}:{field["current"]}";
    }
}
