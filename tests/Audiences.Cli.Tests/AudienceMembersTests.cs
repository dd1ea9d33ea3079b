namespace Audiences.Cli.Tests;

public sealed class AudienceMembersTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Members_lists_the_active_records_a_page_at_a_time()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var first = await _workspace.RunAsync("audience", "members", "1", "--limit", "1");
        var second = await _workspace.RunAsync("audience", "members", "1", "--limit", "1", "--after", AudienceData.Ada);
        var past = await _workspace.RunAsync("audience", "members", "1", "--after", AudienceData.Alan);

        first.ExitCode.Should().Be(0, first.ToString());
        var lines = AudienceData.Lines(first);
        lines[0].Should().Be("Audience 1 'VIPs': 2 active records:");
        lines[1].Should().StartWith("ID  NAME");
        lines[2].Should().StartWith(" 1  Ada L.");
        lines[^1].Should().Be("More active records follow; for the next page add --after 1.");
        var page = AudienceData.Lines(second);
        page[0].Should().Be("Audience 1 'VIPs': 2 active records; after id 1:");
        page[2].Should().StartWith(" 3  A. Turing");
        page.Should().HaveCount(3);
        past.Stdout.Trim().Should().Be("Audience 1 'VIPs' has no active records after id 3.");
    }

    [Fact]
    public async Task Members_json_has_the_profiles_the_count_and_the_next_cursor()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "audience", "members", "1", "--limit", "1");
        var last = await _workspace.RunAsync("--json", "audience", "members", "1", "--after", "1");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json.AsObject();
        json.Select(p => p.Key).Should().Equal("audience", "state", "count", "profiles", "next");
        ((long)json["audience"]!).Should().Be(1);
        ((string)json["state"]!).Should().Be("active");
        ((long)json["count"]!).Should().Be(2);
        json["profiles"]!.AsArray().Select(p => (string)p!["id"]!).Should().Equal(AudienceData.Ada);
        ((bool)json["profiles"]![0]!["fields"]!["vip"]!).Should().BeTrue();
        ((string)json["next"]!).Should().Be(AudienceData.Ada);
        last.Json["profiles"]!.AsArray().Select(p => (string)p!["id"]!).Should().Equal(AudienceData.Alan);
        last.Json["next"].Should().BeNull();
    }

    [Fact]
    public async Task Archive_takes_a_member_out_of_the_active_set_and_restore_puts_it_back()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var archive = await _workspace.RunAsync("audience", "archive", "1", AudienceData.Alan);
        var again = await _workspace.RunAsync("audience", "archive", "1", AudienceData.Alan);
        var members = await _workspace.RunAsync("--json", "audience", "members", "1");
        var archived = await _workspace.RunAsync("audience", "archived", "1");
        var restore = await _workspace.RunAsync("audience", "restore", "1", AudienceData.Alan);
        var restoredAgain = await _workspace.RunAsync("audience", "restore", "1", AudienceData.Alan);
        var none = await _workspace.RunAsync("audience", "archived", "1");

        archive.ExitCode.Should().Be(0, archive.ToString());
        archive.Stdout.Trim().Should().Be(
            "Archived profile 3 (A. Turing) in audience 1 'VIPs': it is no longer counted, listed or passed on, but stays tracked; 1 active record.");
        again.Stdout.Trim().Should().Be("Profile 3 (A. Turing) was already archived in audience 1 'VIPs'; nothing changed (1 active record).");
        members.Json["profiles"]!.AsArray().Select(p => (string)p!["id"]!).Should().Equal(AudienceData.Ada);
        ((long)members.Json["count"]!).Should().Be(1);
        var lines = AudienceData.Lines(archived);
        lines[0].Should().Be("Audience 1 'VIPs': archived records (1 active record besides):");
        lines[2].Should().StartWith(" 3  A. Turing");
        restore.Stdout.Trim().Should().Be("Restored profile 3 (A. Turing) to audience 1 'VIPs': 2 active records.");
        restoredAgain.Stdout.Trim().Should().Be("Profile 3 (A. Turing) is already active in audience 1 'VIPs'; nothing changed (2 active records).");
        none.Stdout.Trim().Should().Be("Audience 1 'VIPs' has no archived records.");
    }

    [Fact]
    public async Task Archive_and_restore_json_say_what_changed()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var archive = await _workspace.RunAsync("--json", "audience", "archive", "1", AudienceData.Ada);
        var archived = await _workspace.RunAsync("--json", "audience", "archived", "1");
        var restore = await _workspace.RunAsync("--json", "audience", "restore", "1", AudienceData.Ada);
        var unchanged = await _workspace.RunAsync("--json", "audience", "restore", "1", AudienceData.Ada);

        var json = archive.Json.AsObject();
        json.Select(p => p.Key).Should().Equal("audience", "profile", "action", "changed", "state", "count");
        ((string)json["profile"]!).Should().Be(AudienceData.Ada);
        ((string)json["action"]!).Should().Be("archived");
        ((bool)json["changed"]!).Should().BeTrue();
        ((string)json["state"]!).Should().Be("archived");
        ((long)json["count"]!).Should().Be(1);
        ((string)archived.Json["state"]!).Should().Be("archived");
        archived.Json["profiles"]!.AsArray().Select(p => (string)p!["id"]!).Should().Equal(AudienceData.Ada);
        ((string)restore.Json["action"]!).Should().Be("restored");
        ((long)restore.Json["count"]!).Should().Be(2);
        ((bool)unchanged.Json["changed"]!).Should().BeFalse();
    }

    [Fact]
    public async Task Archiving_a_record_that_is_not_a_member_exits_1_and_archives_nothing()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "audience", "archive", "1", AudienceData.Grace);
        var members = await _workspace.RunAsync("--json", "audience", "members", "1");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: audience archive 1: Profile 2 is not a member of audience 1; only records in an audience can be archived or restored. Nothing was changed.");
        ((long)members.Json["count"]!).Should().Be(2);
    }

    [Theory]
    [InlineData(new[] { "audience", "members", "9" }, "error: audience members 9: there is no audience with id 9; 'audience list' shows the ids.")]
    [InlineData(new[] { "audience", "archived", "9" }, "error: audience archived 9: there is no audience with id 9; 'audience list' shows the ids.")]
    [InlineData(new[] { "audience", "archive", "9", "1" }, "error: audience archive 9: there is no audience with id 9; 'audience list' shows the ids.")]
    [InlineData(new[] { "audience", "restore", "1", "99" }, "error: audience restore 1: no profile has the id 99; 'profiles list' shows the ids.")]
    [InlineData(new[] { "audience", "archive", "1", "99" }, "error: audience archive 1: no profile has the id 99; 'profiles list' shows the ids.")]
    [InlineData(new[] { "audience", "members", "x" }, "error: audience members 'x': there is no audience named 'x'; the audiences are 'VIPs'.")]
    [InlineData(new[] { "audience", "members", "1", "--limit", "0" }, "error: --limit '0' is not a page size; give a whole number of at least 1, e.g. --limit 50.")]
    [InlineData(new[] { "audience", "members", "1", "--after", "abc" }, "error: --after: 'abc' is not a profile id; give the number shown by 'profiles list' or 'merges'.")]
    public async Task Unknown_audiences_and_profiles_exit_1_with_one_line(string[] args, string error)
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync(args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().Be(error);
    }

    [Theory]
    [InlineData(new[] { "audience", "members" }, "Required argument 'AUDIENCE' missing for command: 'members'")]
    [InlineData(new[] { "audience", "archive", "1" }, "Required argument 'PROFILE_ID' missing for command: 'archive'")]
    [InlineData(new[] { "audience", "restore", "1", "2", "3" }, "Unrecognized command or argument '3'")]
    public async Task Missing_arguments_are_usage_errors(string[] args, string problem)
    {
        var result = await _workspace.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines[0].Should().Contain(problem);
    }
}
