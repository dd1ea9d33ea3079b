namespace Audiences.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Demo_json_shows_merges_rejected_rows_and_provenance()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json;
        ((string)json["database"]!).Should().Be(Path.Combine(_workspace.Folder, "demo.db"));
        json["imports"]!.AsArray().Select(i => (string)i!["file"]!).Should().Equal(
            "crm_contacts.csv", "webinar_signups.csv", "enrichment_people.csv", "companies.csv");
        ((long)json["totals"]!["merged"]!).Should().BeGreaterThan(0);
        ((long)json["totals"]!["rejected"]!).Should().BeGreaterThan(0);
        json["imports"]!.AsArray().SelectMany(i => i!["errors"]!.AsArray())
            .Should().OnlyContain(e => (long)e!["line"]! > 1 && ((string)e["message"]!).Length > 0);
        json["merges"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(m => m!["alias"] != null);
        ((long)json["counts"]!["person"]!).Should().BeInRange(20, 40);
        ((long)json["counts"]!["company"]!).Should().Be(8);

        var example = json["example"]!;
        example["sources"]!.AsArray().Count.Should().BeGreaterThan(1);
        example["provenance"]!.AsObject().Should().NotBeEmpty()
            .And.AllSatisfy(p => p.Value!["source"]!["source"].Should().NotBeNull());
        example["company"].Should().NotBeNull();
        json["fields"]!["person"]!.AsArray().Should().Contain(f => (string)f!["key"]! == "email");
    }

    [Fact]
    public async Task Demo_json_shows_an_audience_over_a_company_field_and_a_membership_change()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var audience = result.Json["audience"]!;
        ((string)audience["name"]!).Should().Be("Decision makers at small companies");
        ((string)audience["criteria"]!).Should().Contain("company.employees < 500");
        ((string)audience["status"]!).Should().Be("active");
        ((long)audience["count"]!).Should().Be(4);
        audience["members"]!.AsArray().Should().HaveCount(4);

        var explanation = audience["explanation"]!;
        ((bool)explanation["matches"]!).Should().BeTrue();
        explanation["held"]!.AsArray().Select(h => (string)h!).Should().Contain(h => h.StartsWith("company.employees", StringComparison.Ordinal));
        ((string)explanation["profile"]!).Should().Be((string)audience["members"]![0]!["id"]!);

        var update = audience["update"]!;
        ((string)update["file"]!).Should().Be(Path.Combine(_workspace.Folder, "demo_crm_update.csv"));
        ((string)update["before"]!).Should().Be("74");
        ((string)update["after"]!).Should().Be("81");
        ((long)update["updated"]!).Should().Be(1);
        ((long)audience["membership"]!["entered"]!).Should().Be(1);
        var change = audience["changes"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)change["change"]!).Should().Be("entered");
        ((long)change["audience"]!).Should().Be((long)audience["id"]!);
        ((long)audience["countAfter"]!).Should().Be(5);
        File.ReadAllText(Path.Combine(_workspace.Folder, "demo_crm_update.csv")).Should().StartWith("contact_id,").And.Contain("C-016,Carmen,Ruiz");
    }

    [Fact]
    public async Task Demo_can_run_again_and_gives_the_same_counts()
    {
        var first = await _workspace.RunAsync("--json", "demo");
        var second = await _workspace.RunAsync("--json", "demo");

        second.ExitCode.Should().Be(0, second.ToString());
        second.Json["totals"]!.ToJsonString().Should().Be(first.Json["totals"]!.ToJsonString());
        second.Json["counts"]!.ToJsonString().Should().Be(first.Json["counts"]!.ToJsonString());
        ((long)second.Json["audience"]!["countAfter"]!).Should().Be((long)first.Json["audience"]!["countAfter"]!);
    }

    [Fact]
    public async Task Demo_leaves_the_database_named_by_db_alone()
    {
        await File.WriteAllTextAsync(_workspace.DatabasePath, "not touched");

        var result = await _workspace.RunAsync("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        (await File.ReadAllTextAsync(_workspace.DatabasePath)).Should().Be("not touched");
    }

    [Fact]
    public async Task Demo_human_output_explains_each_step()
    {
        var result = await _workspace.RunAsync("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should()
            .Contain("crm_contacts.csv").And.Contain("rejected rows:").And.Contain("line ")
            .And.Contain("Merges:").And.Contain("merged into")
            .And.Contain("Example profile:").And.Contain("FROM")
            .And.Contain("Field catalog, people:").And.Contain("FILL RATE")
            .And.Contain("Audience: created audience 1 'Decision makers at small companies'")
            .And.Contain("held    company.employees < 500")
            .And.Contain("A changed row: C-016 of crm_contacts.csv with Lead Score 81 (was 74)")
            .And.Contain("(Carmen Ruiz) entered audience 1 'Decision makers at small companies'.")
            .And.Contain("now has 5 active records.");
        var database = Path.Combine(_workspace.Folder, "demo.db");
        (await CliWorkspace.RunRawAsync(["--db", database, "count", "--kind", "company"])).Stdout.Trim().Should().Be("8");
    }
}
