using System.Text.Json;

namespace Audiences.Cli.Tests;

public sealed class AudienceExplainRecordTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Explain_shows_each_condition_held_or_failed_with_the_records_values_and_the_verdict()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        await AudienceData.CreateAsync(_workspace, "Top", "score >= 90 and (vip = true or seniority = 'senior')", "--user", "ana");

        var ada = await _workspace.RunAsync("audience", "explain", "1", AudienceData.Ada);
        var linus = await _workspace.RunAsync("audience", "explain", "1", AudienceData.Linus);

        ada.ExitCode.Should().Be(0, ada.ToString());
        AudienceData.Lines(ada).Should().Equal(
            "Audience 1 'Top' (person), profile 1 (Ada L.):",
            "  held    score >= 90 and (vip = true or seniority = \"senior\")",
            "    held    score >= 90              value: 91",
            "    held    vip = true or seniority = \"senior\"",
            "      held    vip = true             value: true",
            "      failed  seniority = \"senior\"   value: (empty)",
            "Verdict: in: the record matches (2 of 3 conditions held).",
            "Stored membership: active.");
        AudienceData.Lines(linus).Should().Equal(
            "Audience 1 'Top' (person), profile 5 (Linus):",
            "  failed  score >= 90 and (vip = true or seniority = \"senior\")",
            "    failed  score >= 90              value: (empty)",
            "    held    vip = true or seniority = \"senior\"",
            "      failed  vip = true             value: (empty)",
            "      held    seniority = \"senior\"   value: senior",
            "Verdict: out: the record does not match (2 of 3 conditions failed: score >= 90; vip = true).",
            "Stored membership: not a member.");
    }

    [Fact]
    public async Task Explain_json_is_the_outcome_tree_with_values_and_the_held_and_failed_conditions()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "audience", "explain", "1", AudienceData.Grace);

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json.AsObject();
        json.Select(p => p.Key).Should().Equal("audience", "profile", "matches", "state", "outcome", "held", "failed");
        ((long)json["audience"]!).Should().Be(1);
        ((string)json["profile"]!).Should().Be(AudienceData.Grace);
        ((bool)json["matches"]!).Should().BeFalse();
        json["state"].Should().BeNull();
        var outcome = json["outcome"]!.AsObject();
        outcome.Select(p => p.Key).Should().Equal("text", "held", "value");
        ((string)outcome["text"]!).Should().Be("vip = true");
        ((bool)outcome["held"]!).Should().BeFalse();
        outcome["value"]!.GetValueKind().Should().Be(JsonValueKind.False);
        json["held"]!.AsArray().Should().BeEmpty();
        json["failed"]!.AsArray().Select(t => (string)t!).Should().Equal("vip = true");
    }

    [Fact]
    public async Task Explain_says_when_the_stored_membership_lags_the_criteria()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        (await _workspace.RunAsync("profiles", "lock", AudienceData.Grace, "vip", "true")).ExitCode.Should().Be(0);

        var result = await _workspace.RunAsync("audience", "explain", "1", AudienceData.Grace);

        AudienceData.Lines(result)[^1].Should().Be("Stored membership: not a member; it follows the criteria at the next 'audience refresh'.");
    }

    [Fact]
    public async Task Explain_errors_exit_1_with_one_line()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);
        await FilteredData.ImportCompaniesAsync(_workspace);
        var company = (await _workspace.RunAsync("--json", "profiles", "list", "--kind", "company")).Json.AsArray()[0]!["id"]!.ToString();

        var unknownAudience = await _workspace.RunAsync("audience", "explain", "7", AudienceData.Ada);
        var unknownProfile = await _workspace.RunAsync("audience", "explain", "1", "404");
        var otherKind = await _workspace.RunAsync("audience", "explain", "1", company);

        unknownAudience.ExitCode.Should().Be(1, unknownAudience.ToString());
        unknownAudience.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: audience explain 7: there is no audience with id 7; 'audience list' shows the ids.");
        unknownProfile.ExitCode.Should().Be(1);
        unknownProfile.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: audience explain 1: no profile has the id 404; 'profiles list' shows the ids.");
        otherKind.ExitCode.Should().Be(1, otherKind.ToString());
        otherKind.StderrLines.Should().ContainSingle().Which.Should().Be(
            $"error: audience explain 1: Profile {company} is a company and audience 1 selects person profiles; it can never be a member.");
    }

    [Fact]
    public async Task Record_shows_the_filled_fields_with_their_sources_the_empty_ones_and_the_neighbours()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var first = await _workspace.RunAsync("audience", "record", "1");

        first.ExitCode.Should().Be(0, first.ToString());
        var lines = AudienceData.Lines(first);
        lines[0].Should().Be("Audience 1 'VIPs': profile 1 (Ada L.)");
        lines[1].Should().Be("Filled (7):");
        lines[2].Should().MatchRegex("^  FIELD +VALUE +FROM +SOURCE KIND +OBSERVED$");
        lines.Should().Contain(l => l.StartsWith("  score ", StringComparison.Ordinal) && l.Contains("91") && l.Contains("crm/people/1") && l.Contains("csv"));
        lines.Should().Contain("Empty (1): seniority");
        lines[^2].Should().Be("Previous: none (this is the first record)");
        lines[^1].Should().Be("Next: 3 (audience record 1 --cursor 1 --next)");
    }

    [Fact]
    public async Task Record_steps_with_the_cursor_and_says_when_there_is_nothing_further()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var next = await _workspace.RunAsync("audience", "record", "1", "--cursor", AudienceData.Ada, "--next");
        var last = await _workspace.RunAsync("audience", "record", "1", "--previous");
        var current = await _workspace.RunAsync("audience", "record", "1", "--cursor", AudienceData.Alan);
        var past = await _workspace.RunAsync("audience", "record", "1", "--cursor", AudienceData.Alan, "--next");
        var before = await _workspace.RunAsync("audience", "record", "1", "--cursor", AudienceData.Ada, "--previous");
        var outside = await _workspace.RunAsync("audience", "record", "1", "--cursor", AudienceData.Grace);

        AudienceData.Lines(next)[0].Should().Be("Audience 1 'VIPs': profile 3 (A. Turing)");
        AudienceData.Lines(next)[^2].Should().Be("Previous: 1 (audience record 1 --cursor 3 --previous)");
        AudienceData.Lines(next)[^1].Should().Be("Next: none (this is the last record)");
        AudienceData.Lines(last)[0].Should().Be("Audience 1 'VIPs': profile 3 (A. Turing)");
        AudienceData.Lines(current)[0].Should().Be("Audience 1 'VIPs': profile 3 (A. Turing)");
        past.Stdout.Trim().Should().Be("No record after 3 in audience 1 'VIPs': it is the last.");
        before.Stdout.Trim().Should().Be("No record before 1 in audience 1 'VIPs': it is the first.");
        outside.ExitCode.Should().Be(0, outside.ToString());
        outside.Stdout.Trim().Should().Be("Profile 2 is not an active record of audience 1 'VIPs'.");
    }

    [Fact]
    public async Task Record_json_has_the_fields_with_their_sources_and_the_cursors()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "audience", "record", "1", "--cursor", AudienceData.Alan);
        var past = await _workspace.RunAsync("--json", "audience", "record", "1", "--cursor", AudienceData.Alan, "--next");

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json.AsObject();
        json.Select(p => p.Key).Should().Equal("audience", "profile", "filled", "empty", "previous", "next");
        ((string)json["profile"]!["id"]!).Should().Be(AudienceData.Alan);
        var score = json["filled"]!.AsArray().Single(f => (string)f!["field"]! == "score")!.AsObject();
        score.Select(p => p.Key).Should().Equal("field", "type", "value", "source", "sourceKind", "observedAt");
        ((double)score["value"]!).Should().Be(95);
        ((string)score["type"]!).Should().Be("number");
        ((string)score["source"]!["source"]!).Should().Be("crm");
        json["empty"]!.AsArray().Select(f => (string)f!["field"]!).Should().Equal("joined", "tags");
        ((string)json["previous"]!).Should().Be(AudienceData.Ada);
        json["next"].Should().BeNull();
        past.Json["profile"].Should().BeNull();
        past.Json["filled"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Record_takes_one_direction_and_needs_a_known_audience()
    {
        await AudienceData.ImportWithVipsAsync(_workspace);

        var both = await _workspace.RunAsync("audience", "record", "1", "--next", "--previous");
        var unknown = await _workspace.RunAsync("audience", "record", "3");

        both.ExitCode.Should().Be(2, both.ToString());
        both.StderrLines[0].Should().Be("error: give --next or --previous, not both.");
        unknown.ExitCode.Should().Be(1, unknown.ToString());
        unknown.StderrLines.Should().ContainSingle().Which.Should().Be(
            "error: audience record 3: there is no audience with id 3; 'audience list' shows the ids.");
    }
}
