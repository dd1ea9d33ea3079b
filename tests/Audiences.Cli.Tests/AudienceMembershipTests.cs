namespace Audiences.Cli.Tests;

public sealed class AudienceMembershipTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Import_brings_membership_up_to_date_when_audiences_exist()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        var update = _workspace.WriteCsv("vip.csv", "email,vip", "grace@example.com,true", "ada@example.com,false");

        var text = await _workspace.RunAsync([.. PeopleFiles.Import(update), "--map", "vip=vip:boolean", "--source-kind", "crm"]);
        var members = await _workspace.RunAsync("--json", "audience", "members", "1");

        text.ExitCode.Should().Be(0, text.ToString());
        AudienceData.Lines(text)[^1].Should().MatchRegex(@"^Audience membership brought up to date: 1 entered, 1 exited \(\d+ changed profiles read, \d+ evaluations; profile versions \d+ to \d+\)\.$");
        members.Json["profiles"]!.AsArray().Select(p => (string)p!["id"]!).Should().Equal(AudienceData.Grace, AudienceData.Alan);
    }

    [Fact]
    public async Task Import_json_adds_the_refresh_only_when_audiences_exist()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        var file = _workspace.WriteCsv("more.csv", "email,score", "new@example.com,99");
        var before = await _workspace.RunAsync([.. PeopleFiles.Import(file), "--json"]);
        await AudienceData.CreateAsync(_workspace, "Known", "email is not empty", "--user", "ana");
        var again = _workspace.WriteCsv("again.csv", "email", "another@example.com");

        var after = await _workspace.RunAsync([.. PeopleFiles.Import(again), "--json"]);

        before.Json.AsObject().ContainsKey("membership").Should().BeFalse(before.ToString());
        var membership = after.Json["membership"]!.AsObject();
        membership.Select(p => p.Key).Should().Equal("fromVersion", "toVersion", "profilesRead", "evaluations", "entered", "exited", "fullEvaluations");
        ((long)membership["entered"]!).Should().Be(1);
        ((long)membership["exited"]!).Should().Be(0);
    }

    [Fact]
    public async Task Refresh_follows_changes_made_by_other_commands()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        (await _workspace.RunAsync("profiles", "lock", AudienceData.Grace, "vip", "true")).ExitCode.Should().Be(0);

        var text = await _workspace.RunAsync("audience", "refresh");
        var json = await _workspace.RunAsync("--json", "audience", "refresh");
        var count = await _workspace.RunAsync("--json", "audience", "members", "1");

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Trim().Should().StartWith("Membership is up to date: 1 entered, 0 exited (").And.Contain("evaluations; profile versions ");
        ((long)json.Json["entered"]!).Should().Be(0, "nothing changed since the last refresh");
        ((long)json.Json["profilesRead"]!).Should().Be(0);
        ((long)count.Json["count"]!).Should().Be(3);
    }

    [Fact]
    public async Task Changes_is_the_feed_in_sequence_order_with_a_checkpoint()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        (await _workspace.RunAsync("audience", "archive", "1", AudienceData.Ada)).ExitCode.Should().Be(0);

        var text = await _workspace.RunAsync("audience", "changes");
        var page = await _workspace.RunAsync("audience", "changes", "--limit", "1");
        var later = await _workspace.RunAsync("--json", "audience", "changes", "--after", "2");
        var none = await _workspace.RunAsync("audience", "changes", "--after", "3");

        text.ExitCode.Should().Be(0, text.ToString());
        var lines = AudienceData.Lines(text);
        lines[0].Should().MatchRegex("^SEQ +AUDIENCE +PROFILE +CHANGE +ACTIVE +AT$");
        lines[1].Should().MatchRegex(@"^  1  1 VIPs +1  entered   yes +\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$");
        lines[2].Should().MatchRegex(@"^  2  1 VIPs +3  entered   yes ");
        lines[3].Should().MatchRegex(@"^  3  1 VIPs +1  archived  no ");
        lines[^1].Should().Be("The feed ends here; to read only what comes later add --after 3.");
        AudienceData.Lines(page)[^1].Should().Be("More changes follow; for the next page add --after 1.");
        var change = later.Json.AsArray().Should().ContainSingle().Subject!.AsObject();
        change.Select(p => p.Key).Should().Equal("sequence", "audience", "profile", "change", "active", "at", "profileVersion");
        ((long)change["sequence"]!).Should().Be(3);
        ((string)change["profile"]!).Should().Be(AudienceData.Ada);
        ((string)change["change"]!).Should().Be("archived");
        ((bool)change["active"]!).Should().BeFalse();
        none.Stdout.Trim().Should().Be("No membership changes after sequence 3.");
    }

    [Fact]
    public async Task Changes_rejects_a_checkpoint_that_is_not_a_sequence()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync("audience", "changes", "--after", "-1");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: --after '-1' is not a feed sequence; give the SEQ of the last change read, e.g. --after 120.");
    }

    [Fact]
    public async Task Derive_ands_a_condition_to_the_parent_and_evaluates_it()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var text = await _workspace.RunAsync("audience", "derive", "1", "Top VIPs", "--filter", "score > 92", "--user", "bo");
        var json = await _workspace.RunAsync("--json", "audience", "derive", "1", "Draft VIPs", "--filter", "score < 92", "--draft", "--user", "bo");

        text.ExitCode.Should().Be(0, text.ToString());
        AudienceData.Lines(text).Should().Equal(
            "Derived audience 2 'Top VIPs' from audience 1 'VIPs':",
            "  kind:       person",
            "  criteria:   vip = true and score > 92",
            "  status:     active",
            "  visibility: workspace",
            "  created by: bo",
            "  derived from audience 1",
            "  members:    1 active record");
        ((long)json.Json["parentId"]!).Should().Be(1);
        ((string)json.Json["status"]!).Should().Be("draft");
        ((string)json.Json["criteria"]!).Should().Be("vip = true and score < 92");
        ((long)json.Json["count"]!).Should().Be(1);
    }

    [Fact]
    public async Task Derive_takes_the_status_and_visibility_options_of_create()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var text = await _workspace.RunAsync("audience", "derive", "1", "Secret VIPs", "--filter", "score > 92", "--private", "--user", "bo");
        var json = await _workspace.RunAsync("--json", "audience", "derive", "1", "Private drafts", "--filter", "score < 92", "--draft", "--private", "--user", "bo");
        var ana = await _workspace.RunAsync("audience", "list", "--user", "ana");
        var bo = await _workspace.RunAsync("--json", "audience", "list", "--user", "bo");

        text.ExitCode.Should().Be(0, text.ToString());
        AudienceData.Lines(text).Should().Contain("  status:     active").And.Contain("  visibility: private");
        json.ExitCode.Should().Be(0, json.ToString());
        ((string)json.Json["status"]!).Should().Be("draft");
        ((string)json.Json["visibility"]!).Should().Be("private");
        ((long)json.Json["revision"]!).Should().Be(1, "the audience is derived as asked in one step");
        AudienceData.Lines(ana).Should().HaveCount(2, "bo's derived audiences are private to him");
        bo.Json.AsArray().Select(a => ((string)a!["name"]!, (string)a["status"]!, (string)a["visibility"]!))
            .Should().Equal(("Private drafts", "draft", "private"), ("Secret VIPs", "active", "private"), ("VIPs", "active", "workspace"));
    }

    [Fact]
    public async Task Derive_errors_point_into_the_condition_and_name_the_parent()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var badField = await _workspace.RunAsync("audience", "derive", "1", "X", "--filter", "scroe > 3");
        var unknown = await _workspace.RunAsync("audience", "derive", "8", "X", "--filter", "score > 3");
        var taken = await _workspace.RunAsync("audience", "derive", "1", "VIPS", "--filter", "score > 3");

        badField.ExitCode.Should().Be(1, badField.ToString());
        var lines = FilteredData.Lines(badField.Stderr);
        lines[0].Should().StartWith("error: Unknown field 'scroe' for people at line 1, column 1");
        lines[1].Should().Be("  scroe > 3");
        lines[2].Should().Be("  ^^^^^");
        unknown.ExitCode.Should().Be(1);
        unknown.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: audience derive 8: there is no audience with id 8; 'audience list' shows the ids.");
        taken.ExitCode.Should().Be(1);
        taken.StderrLines.Should().ContainSingle().Which.Should().StartWith("error: audience derive: An audience named 'VIPs' already exists (id 1);");
    }

    [Fact]
    public async Task Activate_makes_a_draft_active()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Later", "vip = true", "--user", "ana", "--draft");

        var text = await _workspace.RunAsync("audience", "activate", "1");
        var again = await _workspace.RunAsync("--json", "audience", "activate", "1");
        var mine = await _workspace.RunAsync("--json", "audience", "list", "--mine", "--user", "ana");

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Trim().Should().Be("Activated audience 1 'Later' (2 active records).");
        ((string)again.Json["status"]!).Should().Be("active");
        mine.Json.AsArray().Select(a => (string)a!["name"]!).Should().Equal("Later");
    }

    [Fact]
    public async Task Delete_removes_the_audience_and_records_the_exits()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Others", "vip = false", "--user", "ana");

        var text = await _workspace.RunAsync("audience", "delete", "1");
        var json = await _workspace.RunAsync("--json", "audience", "delete", "2");
        var members = await _workspace.RunAsync("audience", "members", "1");
        var feed = await _workspace.RunAsync("--json", "audience", "changes", "--after", "3");
        var again = await _workspace.RunAsync("audience", "delete", "1");

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Trim().Should().Be(
            "Deleted audience 1 'VIPs'; its 2 active records and any archived ones exited (recorded in 'audience changes').");
        json.Json.AsObject().Select(p => p.Key).Should().Equal("deleted", "name", "count");
        ((long)json.Json["count"]!).Should().Be(1);
        members.ExitCode.Should().Be(1, members.ToString());
        feed.Json.AsArray().Select(c => $"{c!["audience"]}:{c["profile"]}:{c["change"]}").Should().Equal("1:1:exited", "1:3:exited", "2:2:exited");
        again.ExitCode.Should().Be(1);
        again.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: audience delete 1: there is no audience with id 1; 'audience list' shows the ids.");
    }
}
