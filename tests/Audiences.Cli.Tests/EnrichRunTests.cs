namespace Audiences.Cli.Tests;

public sealed class EnrichRunTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Run_json_prints_the_run_with_its_counts_and_credits()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace)).ExitCode.Should().Be(0);

        var run = await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "run", "emails");

        var json = run.Json.AsObject();
        json.Select(p => p.Key).Should().Contain(["id", "status", "processed", "written", "skipped", "failed", "gated", "credits", "errors", "failure"]);
        ((string)json["status"]!).Should().Be("completed");
        ((long)json["processed"]!).Should().Be(EnrichData.People);
        ((long)json["written"]!).Should().Be(EnrichData.People);
        ((long)json["failed"]!).Should().Be(0);
        ((decimal)json["credits"]!).Should().Be(EnrichData.People);
        var ada = await EnrichData.SucceedAsync(_workspace, "--json", "profiles", "find", "--kind", "person", "--alias", "email=ada@home.example");
        ((string)ada.Json["fields"]!["work_email"]!).Should().Be("ada.lovelace@brightlane.io");
    }

    [Fact]
    public async Task A_run_stopped_by_its_budget_goes_on_after_the_budget_is_raised_without_buying_again()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace, "--budget", "2")).ExitCode.Should().Be(0);

        var first = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "run", "emails")).Json;
        var raised = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "budget", "emails", "10")).Json;
        var second = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "run", "emails")).Json;
        var again = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "run", "emails")).Json;

        ((string)first["status"]!).Should().Be("budget-reached");
        ((decimal)first["credits"]!).Should().BeLessThanOrEqualTo(2);
        ((long)first["processed"]!).Should().BeLessThan(EnrichData.People);
        ((decimal)raised["cap"]!).Should().Be(10);
        ((decimal)raised["spent"]!).Should().Be((decimal)first["credits"]!);
        ((string)second["status"]!).Should().Be("completed");
        ((long)second["processed"]!).Should().Be(EnrichData.People - (long)first["processed"]!);
        ((long)second["skipped"]!).Should().Be((long)first["processed"]!);
        ((decimal)first["credits"]! + (decimal)second["credits"]!).Should().Be(EnrichData.People);
        ((long)again["processed"]!).Should().Be(0);
        ((decimal)again["credits"]!).Should().Be(0);
    }

    [Fact]
    public async Task Run_text_says_the_budget_ran_out_and_how_to_go_on()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace, "--budget", "1")).ExitCode.Should().Be(0);

        var run = await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");

        run.Stdout.Should().Contain("Enrichment 'emails', run 1:").And.Contain("budget-reached").And.Contain("processed ")
            .And.Contain("credits ").And.Contain("enrich budget emails CREDITS");
    }

    [Fact]
    public async Task Force_buys_again_what_was_already_looked_up()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace)).ExitCode.Should().Be(0);
        await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");

        var forced = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "run", "emails", "--force")).Json;

        ((long)forced["processed"]!).Should().Be(EnrichData.People);
        ((decimal)forced["credits"]!).Should().Be(EnrichData.People);
    }

    [Fact]
    public async Task Budget_prints_cap_spent_reserved_and_available_and_none_removes_the_cap()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace)).ExitCode.Should().Be(0);

        var capped = await EnrichData.SucceedAsync(_workspace, "enrich", "budget", "emails", "7");
        var json = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "budget", "emails", "7.5")).Json;
        var none = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "budget", "emails", "none")).Json;

        capped.Stdout.Should().Contain("Enrichment 'emails': cap 7, spent 0, reserved 0, available 7.");
        ((decimal)json["cap"]!).Should().Be(7.5m);
        ((decimal)json["available"]!).Should().Be(7.5m);
        ((decimal)json["reserved"]!).Should().Be(0);
        none["cap"].Should().BeNull();
        none["available"].Should().BeNull();
    }

    [Fact]
    public async Task Runs_lists_the_runs_newest_first_and_limit_keeps_the_newest()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace, "--budget", "2")).ExitCode.Should().Be(0);
        await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");
        await EnrichData.SucceedAsync(_workspace, "enrich", "budget", "emails", "none");
        await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");

        var runs = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "runs", "emails")).Json.AsArray();
        var limited = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "runs", "emails", "--limit", "1")).Json.AsArray();
        var text = await EnrichData.SucceedAsync(_workspace, "enrich", "runs", "emails");

        runs.Select(r => (string)r!["status"]!).Should().Equal("completed", "budget-reached");
        runs.Select(r => (long)r!["id"]!).Should().BeInDescendingOrder();
        limited.Should().ContainSingle().Which!["status"]!.GetValue<string>().Should().Be("completed");
        text.Stdout.Should().Contain("RUN").And.Contain("PROCESSED").And.Contain("budget-reached").And.Contain("manual");
    }

    [Fact]
    public async Task Runs_of_an_enrichment_not_yet_run_say_so()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace)).ExitCode.Should().Be(0);

        var runs = await EnrichData.SucceedAsync(_workspace, "enrich", "runs", "emails");

        runs.Stdout.Should().Contain("has not run yet");
    }

    [Fact]
    public async Task Test_prints_what_it_found_for_each_record_and_writes_nothing()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace)).ExitCode.Should().Be(0);

        var json = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "test", "emails", "--rows", "2")).Json;
        var text = await EnrichData.SucceedAsync(_workspace, "enrich", "test", "emails", "--rows", "1");

        ((string)json["run"]!["trigger"]!).Should().Be("test");
        var outputs = json["outputs"]!.AsArray();
        outputs.Should().HaveCount(2);
        outputs.Should().OnlyContain(o => (string)o!["outcome"]! == "found" && (string)o["provider"]! == "sample-work-email" && (decimal)o["credits"]! == 1);
        outputs.Select(o => (string)o!["values"]!["work_email"]!).Should().OnlyContain(e => e.EndsWith("@brightlane.io", StringComparison.Ordinal));
        text.Stdout.Should().Contain("test run").And.Contain("PROFILE").And.Contain("OUTCOME").And.Contain("work_email=").And.Contain("sample-work-email");
        var profiles = (await EnrichData.SucceedAsync(_workspace, "--json", "profiles", "list", "--kind", "person")).Json.AsArray();
        profiles.Should().HaveCount(EnrichData.People).And.OnlyContain(p => p!["fields"]!["work_email"] == null);
    }

    [Fact]
    public async Task A_company_enrichment_finds_what_its_table_holds()
    {
        await EnrichData.ImportAsync(_workspace);
        await EnrichData.SucceedAsync(_workspace, "enrich", "add", "firms", "--provider", "sample-company", "--audience", EnrichData.CompaniesAudience,
            "--map", "employees=employees", "--map", "industry=industry");

        var run = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "run", "firms")).Json;

        ((long)run["processed"]!).Should().Be(3);
        ((long)run["written"]!).Should().Be(2);
        ((decimal)run["credits"]!).Should().Be(6);
    }

    [Theory]
    [InlineData("run", "nope")]
    [InlineData("test", "nope")]
    [InlineData("runs", "nope")]
    [InlineData("budget", "nope", "5")]
    public async Task An_unknown_enrichment_is_exit_1_naming_it(params string[] args)
    {
        await EnrichData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync(["enrich", .. args]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("nope");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Bad_budgets_and_rows_are_exit_1()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace)).ExitCode.Should().Be(0);

        var budget = await _workspace.RunAsync("enrich", "budget", "emails", "ten");
        var rows = await _workspace.RunAsync("enrich", "test", "emails", "--rows", "0");

        budget.ExitCode.Should().Be(1, budget.ToString());
        budget.Stderr.Should().Contain("'ten' is not a credit amount");
        rows.ExitCode.Should().Be(1, rows.ToString());
        rows.Stderr.Should().Contain("--rows '0'");
    }
}
