namespace Audiences.Cli.Tests;

public sealed class DraftCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Search_show_then_commit_imports_the_records_like_any_import()
    {
        _workspace.WriteCsv("crm.csv", "email,name", "priya.raman@brightlane.io,Priya Raman");
        (await _workspace.RunAsync("import", "csv", "--kind", "person", "--file", Path.Combine(_workspace.Folder, "crm.csv"))).ExitCode.Should().Be(0);

        var search = await SearchAsync("--json", "--where", "title contains \"VP\"");
        var id = (string)search.Json["id"]!.ToString();
        var show = await _workspace.RunAsync("--json", "draft", "show", id);
        var countBefore = (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim();
        var commit = await _workspace.RunAsync("--json", "draft", "commit", id);

        search.ExitCode.Should().Be(0, search.ToString());
        ((string)search.Json["status"]!).Should().Be("open");
        ((long)search.Json["records"]!).Should().Be(5);
        search.Json["items"]!.AsArray().Should().OnlyContain(i => ((string)i!["fields"]!["title"]!).Contains("VP"));
        show.Json["items"]!.ToJsonString().Should().Be(search.Json["items"]!.ToJsonString());
        countBefore.Should().Be("1", "a draft stays apart from the profiles");
        commit.ExitCode.Should().Be(0, commit.ToString());
        var summary = commit.Json.AsObject();
        summary.Select(p => p.Key).Should().StartWith(["read", "created", "updated", "unchanged", "merged", "probabilisticMerged", "queuedForReview", "rejected", "errors"]);
        ((long)summary["read"]!).Should().Be(5);
        ((long)summary["updated"]!).Should().Be(1, "Priya joins her profile by email");
        ((long)summary["created"]!).Should().Be(4);
        ((string)summary["draft"]!["status"]!).Should().Be("committed");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("5");
    }

    [Fact]
    public async Task Discard_drops_the_records()
    {
        var search = await SearchAsync("--json", "--where", "seniority = 'vp'");
        var id = search.Json["id"]!.ToString();

        var discard = await _workspace.RunAsync("--json", "draft", "discard", id);
        var commit = await _workspace.RunAsync("draft", "commit", id);
        var list = await _workspace.RunAsync("--json", "draft", "list");

        discard.ExitCode.Should().Be(0, discard.ToString());
        ((string)discard.Json["status"]!).Should().Be("discarded");
        commit.ExitCode.Should().Be(1, commit.ToString());
        commit.Stderr.Should().Contain("already discarded");
        list.Json.AsArray().Select(d => (string)d!["status"]!).Should().Equal("discarded");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("0");
    }

    [Fact]
    public async Task Committing_twice_is_refused()
    {
        var id = (await SearchAsync("--json", "--where", "title contains \"VP\"")).Json["id"]!.ToString();
        (await _workspace.RunAsync("draft", "commit", id)).ExitCode.Should().Be(0);

        var again = await _workspace.RunAsync("draft", "commit", id);

        again.ExitCode.Should().Be(1, again.ToString());
        again.Stderr.Should().Contain("already committed");
    }

    [Fact]
    public async Task Commit_refreshes_audience_membership()
    {
        (await _workspace.RunAsync("profiles", "upsert", "--kind", "person", "--source", "app", "--id", "1", "--set", "email=a@example.com", "--set", "seniority=manager"))
            .ExitCode.Should().Be(0);
        (await _workspace.RunAsync("audience", "create", "VPs", "--kind", "person", "--filter", "seniority = 'vp'")).ExitCode.Should().Be(0);
        var id = (await SearchAsync("--json", "--where", "seniority = 'vp'")).Json["id"]!.ToString();

        var commit = await _workspace.RunAsync("--json", "draft", "commit", id);

        ((long)commit.Json["membership"]!["entered"]!).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Companies_are_searched_by_their_own_fields()
    {
        var search = await _workspace.RunAsync("--json", "draft", "search", "--kind", "company", "--provider", "sample", "--where", "employees < 200");

        search.ExitCode.Should().Be(0, search.ToString());
        search.Json["items"]!.AsArray().Should().NotBeEmpty().And.OnlyContain(i => (double)i!["fields"]!["employees"]! < 200);
    }

    [Fact]
    public async Task The_text_views_say_what_to_do_next()
    {
        var search = await SearchAsync("--where", "title contains \"VP\"", "--limit", "2");
        var list = await _workspace.RunAsync("draft", "list");
        var show = await _workspace.RunAsync("draft", "show", "1");

        search.Stdout.Should().Contain("Kept draft 1: 2 people from 'sample'").And.Contain("draft commit 1");
        list.Stdout.Should().StartWith("ID").And.Contain("open");
        show.Stdout.Should().Contain("sample/people/S-101");
    }

    [Fact]
    public async Task Errors_name_what_is_wrong()
    {
        var provider = await _workspace.RunAsync("draft", "search", "--kind", "person", "--provider", "nope");
        var filter = await SearchAsync("--where", "salary > 5");
        var unknown = await _workspace.RunAsync("draft", "show", "42");
        var notId = await _workspace.RunAsync("draft", "show", "x");
        var noProvider = await _workspace.RunAsync("draft", "search", "--kind", "person");
        File.Delete(_workspace.DatabasePath);
        var noDatabase = await _workspace.RunAsync("draft", "list");

        provider.ExitCode.Should().Be(1, provider.ToString());
        provider.Stderr.Should().Contain("'nope'").And.Contain("sample");
        filter.ExitCode.Should().Be(1, filter.ToString());
        filter.Stderr.Should().Contain("--where").And.Contain("salary");
        unknown.ExitCode.Should().Be(1, unknown.ToString());
        unknown.Stderr.Should().Contain("there is no draft 42");
        notId.ExitCode.Should().Be(1, notId.ToString());
        noProvider.ExitCode.Should().Be(2, noProvider.ToString());
        noDatabase.ExitCode.Should().Be(1, noDatabase.ToString());
    }

    private Task<CliResult> SearchAsync(params string[] extra) => _workspace.RunAsync(
    [
        .. extra.Where(e => e == "--json"),
        "draft", "search", "--kind", "person", "--provider", "sample",
        .. extra.Where(e => e != "--json"),
    ]);
}
