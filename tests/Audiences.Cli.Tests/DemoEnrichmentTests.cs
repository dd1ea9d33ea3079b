namespace Audiences.Cli.Tests;

public sealed class DemoEnrichmentTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Demo_buys_work_emails_until_the_budget_runs_out_then_goes_on_once_it_is_raised()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var emails = result.Json["enrichment"]!["workEmails"]!;
        var first = emails["firstRun"]!;
        var second = emails["secondRun"]!;
        ((string)emails["name"]!).Should().Be("work-emails");
        ((string)first["status"]!).Should().Be("budget-reached");
        ((decimal)first["credits"]!).Should().BeLessThanOrEqualTo((decimal)emails["budget"]!);
        // Five people, three credits at one a record: three bought, then the other two once the cap is raised.
        ((long)first["processed"]!).Should().Be(3);
        ((decimal)emails["raisedBudget"]!["cap"]!).Should().BeGreaterThan((decimal)emails["budget"]!);
        ((string)second["status"]!).Should().Be("completed");
        ((long)second["processed"]!).Should().Be(2);
        ((long)second["skipped"]!).Should().Be(3);
        ((decimal)second["credits"]!).Should().Be(2);
        emails["runs"]!.AsArray().Select(r => (string)r!["status"]!).Should().Equal("completed", "budget-reached");
    }

    [Fact]
    public async Task Demo_looks_up_every_company_and_finds_those_its_table_holds()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var run = result.Json["enrichment"]!["companyData"]!["run"]!;
        ((string)run["status"]!).Should().Be("completed");
        ((long)run["processed"]!).Should().Be(8);
        // The reference table lacks harborpoint.co and copperleaf.ai.
        ((long)run["written"]!).Should().Be(6);
        ((decimal)run["credits"]!).Should().Be(16);
    }

    [Fact]
    public async Task Demo_text_tells_the_enrichment_story_and_its_database_lists_both_enrichments()
    {
        var text = await _workspace.RunAsync("demo");
        var list = await CliWorkspace.RunRawAsync(["--db", Path.Combine(_workspace.Folder, "demo.db"), "--json", "enrich", "list"]);

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Should().Contain("Enrichment: 'work-emails'").And.Contain("first run:  budget-reached")
            .And.Contain("second run: completed").And.Contain("Enrichment: 'company-data'").And.Contain("enrich runs work-emails");
        list.ExitCode.Should().Be(0, list.ToString());
        list.Json.AsArray().Select(e => (string)e!["name"]!).Should().Equal("company-data", "work-emails");
    }
}
