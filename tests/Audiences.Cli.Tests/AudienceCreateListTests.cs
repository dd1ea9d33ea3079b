using System.Text.Json;

namespace Audiences.Cli.Tests;

public sealed class AudienceCreateListTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Create_evaluates_the_audience_at_once_and_describes_it()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("audience", "create", "High scorers", "--kind", "person", "--filter", "score >= 90", "--user", "ana");

        result.ExitCode.Should().Be(0, result.ToString());
        AudienceData.Lines(result).Should().Equal(
            "Created audience 1 'High scorers':",
            "  kind:       person",
            "  criteria:   score >= 90",
            "  status:     active",
            "  visibility: workspace",
            "  created by: ana",
            "  members:    2 active records");
    }

    [Fact]
    public async Task Create_json_is_the_audience_with_its_count_and_bound_criteria()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync(
            "--json", "audience", "create", "Senior", "--kind", "person", "--filter", "SENIORITY = 'senior'", "--draft", "--private", "--user", "bo");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json.AsObject();
        json.Select(p => p.Key).Should().Equal(
            "id", "name", "kind", "criteria", "filter", "status", "visibility", "createdBy", "createdAt", "updatedAt", "parentId", "revision", "count");
        ((long)json["id"]!).Should().Be(1);
        ((string)json["name"]!).Should().Be("Senior");
        ((string)json["kind"]!).Should().Be("person");
        ((string)json["criteria"]!).Should().Be("seniority = \"senior\"");
        ((int)json["filter"]!["version"]!).Should().Be(1);
        ((string)json["status"]!).Should().Be("draft");
        ((string)json["visibility"]!).Should().Be("private");
        ((string)json["createdBy"]!).Should().Be("bo");
        json["parentId"].Should().BeNull();
        ((long)json["count"]!).Should().Be(1);
    }

    [Fact]
    public async Task The_creator_defaults_to_the_operating_system_user()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var created = await _workspace.RunAsync("--json", "audience", "create", "Mine", "--kind", "person", "--filter", "vip = true");
        var mine = await _workspace.RunAsync("--json", "audience", "list", "--mine");

        var expected = string.IsNullOrWhiteSpace(Environment.UserName) ? "cli" : Environment.UserName.Trim();
        ((string)created.Json["createdBy"]!).Should().Be(expected, created.ToString());
        mine.Json.AsArray().Select(a => (string)a!["name"]!).Should().Equal("Mine");
    }

    [Fact]
    public async Task A_filter_syntax_error_exits_1_with_a_caret_and_creates_nothing()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "audience", "create", "Bad", "--kind", "person", "--filter", "score >> 3", "--user", "ana");
        var list = await _workspace.RunAsync("--json", "audience", "list", "--user", "ana");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        var lines = FilteredData.Lines(result.Stderr);
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("error: Expected a value at line 1, column 8:").And.EndWith("found '>'.");
        lines[1].Should().Be("  score >> 3");
        lines[2].Should().Be("         ^");
        list.Json.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_field_exits_1_naming_the_closest_field_with_a_caret()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("audience", "create", "Bad", "--kind", "person", "--filter", "vip = true and scroe > 3");

        result.ExitCode.Should().Be(1, result.ToString());
        var lines = FilteredData.Lines(result.Stderr);
        lines[0].Should().StartWith("error: Unknown field 'scroe' for people at line 1, column 16").And.EndWith("Did you mean 'score'?");
        lines[1].Should().Be("  vip = true and scroe > 3");
        lines[2].Should().Be("                 ^^^^^");
    }

    [Fact]
    public async Task A_taken_name_exits_1_with_one_line_whatever_its_case()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync("audience", "create", "vips", "--kind", "person", "--filter", "score > 1");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: audience create: An audience named 'VIPs' already exists (id 1); audience names are unique in the workspace regardless of case. Choose another name.");
    }

    [Fact]
    public async Task Create_needs_a_filter_and_a_database()
    {
        var noFilter = await _workspace.RunAsync("audience", "create", "X", "--kind", "person");
        var noDatabase = await _workspace.RunAsync("audience", "create", "X", "--kind", "person", "--filter", "vip = true");
        var blank = await _workspace.RunAsync("audience", "create", " ", "--kind", "person", "--filter", "vip = true");

        noFilter.ExitCode.Should().Be(2, noFilter.ToString());
        noFilter.StderrLines[0].Should().Be("error: Option '--filter' is required.");
        noDatabase.ExitCode.Should().Be(1, noDatabase.ToString());
        noDatabase.StderrLines[0].Should().Contain("there is no database at");
        blank.ExitCode.Should().Be(1, blank.ToString());
        blank.StderrLines.Should().ContainSingle().Which.Should().Be("error: audience create: NAME is empty; give the audience a name.");
    }

    [Fact]
    public async Task List_shows_the_users_audiences_drafts_and_others_shared_ones()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Seniors", "seniority = 'senior'", "--user", "bo", "--draft");
        await AudienceData.CreateAsync(_workspace, "Ana's secret", "score < 90", "--user", "ana", "--private");
        await AudienceData.CreateAsync(_workspace, "Bo's secret", "score < 90", "--user", "bo", "--private");

        var ana = await _workspace.RunAsync("audience", "list", "--user", "ana");
        var bo = await _workspace.RunAsync("audience", "list", "--user", "bo");

        ana.ExitCode.Should().Be(0, ana.ToString());
        AudienceData.Lines(ana).Should().Equal(
            "ID  NAME          KIND    STATUS  VISIBILITY  CREATOR  COUNT",
            " 3  Ana's secret  person  active  private     ana          1",
            " 1  VIPs          person  active  workspace   ana          2");
        AudienceData.Lines(bo).Should().Equal(
            "ID  NAME         KIND    STATUS  VISIBILITY  CREATOR  COUNT",
            " 4  Bo's secret  person  active  private     bo           1",
            " 2  Seniors      person  draft   workspace   bo           1",
            " 1  VIPs         person  active  workspace   ana          2");
    }

    [Fact]
    public async Task List_options_pick_one_list_and_json_lists_the_audiences()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Seniors", "seniority = 'senior'", "--user", "bo", "--draft");

        var others = await _workspace.RunAsync("--json", "audience", "list", "--others", "--user", "bo");
        var drafts = await _workspace.RunAsync("--json", "audience", "list", "--drafts", "--user", "bo");
        var mine = await _workspace.RunAsync("--json", "audience", "list", "--mine", "--user", "bo");

        others.ExitCode.Should().Be(0, others.ToString());
        var vips = others.Json.AsArray().Should().ContainSingle().Subject!;
        ((string)vips["name"]!).Should().Be("VIPs");
        ((string)vips["createdBy"]!).Should().Be("ana");
        ((long)vips["count"]!).Should().Be(2);
        drafts.Json.AsArray().Select(a => (string)a!["name"]!).Should().Equal("Seniors");
        mine.Json.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task List_says_when_nothing_is_there_and_filters_by_kind()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var companies = await _workspace.RunAsync("audience", "list", "--kind", "company", "--user", "ana");
        var drafts = await _workspace.RunAsync("audience", "list", "--drafts", "--user", "ana");
        var json = await _workspace.RunAsync("--json", "audience", "list", "--kind", "company", "--user", "ana");

        companies.Stdout.Trim().Should().Be(
            "No audiences visible to ana of companies; create one with: audience create NAME --kind person --filter \"TEXT\"");
        drafts.Stdout.Trim().Should().StartWith("No drafts of ana;");
        json.Json.AsArray().Should().BeEmpty();
        json.Json.GetValueKind().Should().Be(JsonValueKind.Array);
    }

    [Fact]
    public async Task List_all_shows_every_audience_of_the_workspace_whoever_created_it()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Seniors", "seniority = 'senior'", "--user", "bo", "--draft");
        await AudienceData.CreateAsync(_workspace, "Bo's secret", "score < 90", "--user", "bo", "--private");

        var text = await _workspace.RunAsync("audience", "list", "--all");
        var json = await _workspace.RunAsync("--json", "audience", "list", "--all", "--kind", "person");
        var companies = await _workspace.RunAsync("audience", "list", "--all", "--kind", "company");
        var ana = await _workspace.RunAsync("audience", "list", "--user", "ana");

        text.ExitCode.Should().Be(0, text.ToString());
        AudienceData.Lines(text).Should().Equal(
            "ID  NAME         KIND    STATUS  VISIBILITY  CREATOR  COUNT",
            " 3  Bo's secret  person  active  private     bo           1",
            " 2  Seniors      person  draft   workspace   bo           1",
            " 1  VIPs         person  active  workspace   ana          2");
        json.Json.AsArray().Select(a => ((string)a!["name"]!, (string)a["createdBy"]!, (long)a["count"]!))
            .Should().Equal(("Bo's secret", "bo", 1L), ("Seniors", "bo", 1L), ("VIPs", "ana", 2L));
        companies.Stdout.Trim().Should().Be(
            "No audiences of companies in the workspace; create one with: audience create NAME --kind person --filter \"TEXT\"");
        AudienceData.Lines(ana).Should().HaveCount(2, "ana's lists still hold only her audiences and others' shared active ones");
    }

    [Fact]
    public async Task List_all_takes_no_user_and_no_other_list_option()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var withUser = await _workspace.RunAsync("audience", "list", "--all", "--user", "ana");
        var withMine = await _workspace.RunAsync("audience", "list", "--mine", "--all");

        withUser.ExitCode.Should().Be(2, withUser.ToString());
        withUser.StderrLines[0].Should().Be(
            "error: --all lists every audience whoever created it, so it takes no --user; for one user's audiences use --mine, --others or --drafts.");
        withMine.ExitCode.Should().Be(2, withMine.ToString());
        withMine.StderrLines[0].Should().Be("error: give one of --mine, --others, --drafts and --all (got --mine and --all).");
    }

    [Fact]
    public async Task List_takes_one_list_option()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync("audience", "list", "--mine", "--drafts");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines[0].Should().Be("error: give one of --mine, --others, --drafts and --all (got --mine and --drafts).");
    }

    [Fact]
    public async Task Help_lists_the_audience_commands()
    {
        var result = await _workspace.RunAsync("--help");

        result.Stdout.Should().Contain("audience create <NAME>")
            .And.Contain("audience list ")
            .And.Contain("audience derive <AUDIENCE> <NAME>")
            .And.Contain("audience members <AUDIENCE>")
            .And.Contain("audience archive <AUDIENCE> <PROFILE_ID>")
            .And.Contain("audience explain <AUDIENCE> <PROFILE_ID>");
    }
}
