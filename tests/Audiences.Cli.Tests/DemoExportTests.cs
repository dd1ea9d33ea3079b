namespace Audiences.Cli.Tests;

public sealed class DemoExportTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Demo_exports_the_audience_to_a_new_csv_file_with_every_field_always_and_the_job_move_membership()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var csv = result.Json["export"]!["csv"]!;
        var definition = csv["definition"]!;
        ((string)definition["name"]!).Should().Be("decision-makers-csv");
        ((string)definition["destination"]!["type"]!).Should().Be("csv");
        ((bool)definition["create_new"]!).Should().BeTrue();
        definition["mappings"]!.AsArray().Select(m => (string)m!["rule"]!).Should().OnlyContain(r => r == "always");
        ((string)definition["membership"]![0]!["audience"]!["name"]!).Should().Be("Decision makers at small companies + signal job-moves");
        ((string)csv["run"]!["status"]!).Should().Be("completed");
        ((long)csv["run"]!["created"]!).Should().Be(5);
        ((long)csv["run"]!["failed"]!).Should().Be(0);
        var file = (string)csv["file"]!;
        file.Should().Be(Path.Combine(_workspace.Folder, "demo_export.csv"));
        File.ReadAllLines(file).Should().Equal(csv["lines"]!.AsArray().Select(l => (string)l!));
        csv["lines"]!.AsArray().Select(l => (string)l!).Should().HaveCount(6)
            .And.HaveElementAt(0, "email,first_name,last_name,title,lead_score,job_move")
            .And.Contain("priya.raman@brightlane.io,Priya,Raman,VP Engineering,88,yes")
            .And.Contain("sofia@quillsoft.dev,Sofia,Lindqvist,Founder & CEO,80,no");
    }

    [Fact]
    public async Task Demo_plans_the_sql_export_to_the_app_database_showing_every_action_and_sends_nothing()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var sql = result.Json["export"]!["sql"]!;
        ((string)sql["definition"]!["destination"]!["type"]!).Should().Be("sql");
        sql["definition"]!["last_run"].Should().BeNull("the SQL export is planned, not run");
        var plan = sql["plan"]!;
        ((int)plan["records"]!).Should().Be(5);
        ((int)plan["actions"]!["update"]!).Should().Be(2);
        ((int)plan["actions"]!["create"]!).Should().Be(2);
        ((int)plan["actions"]!["unchanged"]!).Should().Be(1);
        var fields = plan["plan"]!.AsArray().SelectMany(r => r!["fields"]!.AsArray()).Select(f => $"{f!["action"]}:{f["rule"]}").ToList();
        fields.Should().Contain(["write:always", "write:if-empty", "skipped-by-rule:never", "skipped-by-rule:if-empty", "unchanged:always"]);
        var sofia = plan["plan"]!.AsArray().Single(r => (string?)r!["key"] == "sofia@quillsoft.dev")!;
        var phone = sofia["fields"]!.AsArray().Single(f => (string?)f!["destination_field"] == "phone")!;
        ((string)phone["action"]!).Should().Be("skipped-by-rule");
        ((string)phone["current"]!).Should().Be("+1 971 555 0000", "the app's own value is kept");
        ExportData.Contacts(Path.Combine(_workspace.Folder, "demo_app.db"), "users").Should().HaveCount(3, "a plan creates nothing");
    }

    [Fact]
    public async Task Demo_text_ends_with_the_csv_export_and_the_write_plan_before_the_hints_which_name_export_and_ads()
    {
        var result = await _workspace.RunAsync("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var text = result.Stdout;
        var csv = text.IndexOf("Export to a CSV file: 'decision-makers-csv'", StringComparison.Ordinal);
        var plan = text.IndexOf("Write plan of a SQL export: 'app-users'", StringComparison.Ordinal);
        var explore = text.IndexOf("Explore the demo database:", StringComparison.Ordinal);
        csv.Should().BeGreaterThan(text.IndexOf("Data Hub:", StringComparison.Ordinal));
        plan.Should().BeGreaterThan(csv);
        explore.Should().BeGreaterThan(plan);
        text[csv..plan].Should().Contain("export run: completed (full): sent 5 (5 created), 5 succeeded, 0 failed, 0 skipped")
            .And.Contain("email,first_name,last_name,title,lead_score,job_move");
        text[plan..explore].Should().Contain("Export 'app-users' would consider 5 records: 2 will update, 2 would create, 1 unchanged.")
            .And.Contain("will write").And.Contain("skipped by rule (never)").And.Contain("skipped by rule (if-empty)").And.Contain("would create").And.Contain("unchanged");
        text[explore..].Should().Contain("export plan app-users").And.Contain("ads list").And.Contain("ads add NAME --platform meta");
    }
}
