namespace Audiences.Cli.Tests;

/// <summary>The demo's search, sync and push sections.</summary>
public sealed class DemoLoopTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_draft_of_vps_is_committed_some_joining_existing_profiles_some_created()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var draft = result.Json["draft"]!;
        ((string)draft["query"]!).Should().Be("title contains \"VP\"");
        ((string)draft["status"]!).Should().Be("committed");
        draft["items"]!.AsArray().Should().HaveCount(5);
        var commit = draft["commit"]!;
        ((long)commit["read"]!).Should().Be(5);
        ((long)commit["updated"]!).Should().BeGreaterThan(0, "some join profiles of the CSV files by email or LinkedIn URL");
        ((long)commit["created"]!).Should().BeGreaterThan(0, "some are new");
    }

    [Fact]
    public async Task The_warehouse_sync_reads_every_row_then_only_the_two_changed()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var sync = result.Json["sync"]!;
        ((string)sync["warehouse"]!).Should().Be(Path.Combine(_workspace.Folder, "demo_warehouse.db"));
        File.Exists((string)sync["warehouse"]!).Should().BeTrue();
        ((string)sync["sync"]!["name"]!).Should().Be("product-signups");
        ((long)sync["first"]!["read"]!).Should().Be(6);
        ((long)sync["second"]!["read"]!).Should().Be(2);
        ((long)sync["second"]!["updated"]!).Should().Be(2);
        sync["history"]!.AsArray().Select(r => (long)r!["read"]!).Should().Equal(2, 6);
        var history = await CliWorkspace.RunRawAsync(["--db", Path.Combine(_workspace.Folder, "demo.db"), "--json", "sync", "history", "product-signups"]);
        history.Json.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task The_pushed_record_is_found_again_by_its_email()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var upsert = result.Json["upsert"]!;
        ((long)upsert["import"]!["created"]!).Should().Be(0);
        var profile = upsert["profile"]!;
        ((bool)profile["fields"]!["newsletter"]!).Should().BeTrue();
        profile["sources"]!.AsArray().Select(s => (string)s!["source"]!).Should().Contain(["crm_contacts", "app", "product"]);
    }

    [Fact]
    public async Task The_human_report_tells_the_whole_loop()
    {
        var result = await _workspace.RunAsync("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should()
            .Contain("Search: title contains \"VP\" with the 'sample' provider found 5 people")
            .And.Contain("joined existing profiles by email or LinkedIn URL")
            .And.Contain("sync 'product-signups' reads them by updated_at")
            .And.Contain("first run:  succeeded (incremental").And.Contain("read 6")
            .And.Contain("second run: succeeded (incremental").And.Contain("read 2")
            .And.Contain("sync history:")
            .And.Contain("Push: the product upserted app/people/user-2041")
            .And.Contain("found again by email 'Sofia@QuillSoft.dev'")
            .And.Contain("sync history product-signups");
    }
}
