using System.Text.Json.Nodes;

namespace Audiences.Cli.Tests;

public sealed class ProfilesListFilterTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Text_lists_only_the_matching_profiles_in_id_order()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "vip = true");

        result.ExitCode.Should().Be(0, result.ToString());
        var lines = FilteredData.Lines(result.Stdout);
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("ID").And.Contain("NAME").And.Contain("ALIASES");
        lines[1].Should().Contain("ada@example.com");
        lines[2].Should().Contain("alan@example.com");
        result.Stdout.Should().NotContain("grace@").And.NotContain("linus@").And.NotContain("More");
    }

    [Fact]
    public async Task Json_is_the_same_array_as_without_a_filter_restricted_to_the_matches()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var all = (await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person")).Json.AsArray();
        var result = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--filter", "SCORE >= '90' or seniority = 'senior'");

        result.ExitCode.Should().Be(0, result.ToString());
        var matches = result.Json.AsArray();
        matches.Select(Email).Should().Equal("ada@example.com", "alan@example.com", "linus@example.com");
        var expected = all.Where(p => Email(p) is "ada@example.com" or "alan@example.com" or "linus@example.com").ToList();
        matches.Zip(expected).Should().OnlyContain(pair => JsonNode.DeepEquals(pair.First, pair.Second));
    }

    [Fact]
    public async Task A_filter_nothing_matches_says_so()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var text = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "score > 1000");
        var json = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--filter", "score > 1000");

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Trim().Should().Be("No people match score > 1000.");
        json.Json.Should().BeOfType<JsonArray>().Which.Should().BeEmpty();
    }

    [Fact]
    public async Task Pages_read_with_limit_and_after_add_up_to_the_whole_listing()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        string[] filter = ["--filter", "score is not empty"];
        var all = (await _workspace.RunAsync(["--json", "profiles", "list", "--kind", "person", .. filter])).Json.AsArray().Select(Id).ToList();

        var pages = new List<List<string>>();
        string[] after = [];
        while (true)
        {
            var page = await _workspace.RunAsync(["--json", "profiles", "list", "--kind", "person", .. filter, "--limit", "2", .. after]);
            page.ExitCode.Should().Be(0, page.ToString());
            var ids = page.Json.AsArray().Select(Id).ToList();
            if (ids.Count == 0)
            {
                break;
            }

            pages.Add(ids);
            after = ["--after", ids[^1]];
        }

        all.Should().HaveCount(3);
        pages.Select(p => p.Count).Should().Equal(2, 1);
        pages.SelectMany(p => p).Should().Equal(all);
    }

    [Fact]
    public async Task Text_says_how_to_read_the_next_page_only_when_there_is_one()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        var ids = (await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--filter", "score is not empty")).Json.AsArray().Select(Id).ToList();

        var first = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "score is not empty", "--limit", "2");
        var last = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "score is not empty", "--limit", "1", "--after", ids[1]);
        var beyond = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "score is not empty", "--after", ids[2]);

        var lines = FilteredData.Lines(first.Stdout);
        lines.Should().HaveCount(4);
        lines[^1].Should().Be($"More people follow; for the next page add --after {ids[1]}.");
        FilteredData.Lines(last.Stdout).Should().HaveCount(2).And.NotContain(l => l.StartsWith("More", StringComparison.Ordinal));
        FilteredData.Lines(last.Stdout)[1].Should().Contain("alan@example.com");
        beyond.Stdout.Trim().Should().Be($"No people after id {ids[2]} match score is not empty.");
    }

    [Fact]
    public async Task Limit_and_after_page_the_unfiltered_listing_too()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        var all = (await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person")).Json.AsArray().Select(Id).ToList();

        var page = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--after", all[0], "--limit", "2");
        var none = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--after", all[^1]);

        page.Json.AsArray().Select(Id).Should().Equal(all[1], all[2]);
        none.Stdout.Trim().Should().Be($"No people after id {all[^1]}.");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    [InlineData("2.5")]
    public async Task A_limit_that_is_not_a_positive_whole_number_exits_1(string limit)
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "score > 3", "--limit", limit);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should()
            .Be($"error: --limit '{limit}' is not a page size; give a whole number of at least 1, e.g. --limit 50.");
    }

    [Fact]
    public async Task An_after_that_is_not_a_profile_id_exits_1()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--after", "ada");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("error: --after: 'ada' is not a profile id;");
    }

    [Fact]
    public async Task A_syntax_error_exits_1_with_a_caret()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--filter", "score > 3 and (vip = true");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        var lines = FilteredData.Lines(result.Stderr);
        lines[0].Should().StartWith("error: Unclosed parenthesis at line 1, column 26:");
        lines[1].Should().Be("  score > 3 and (vip = true");
        lines[2].Should().Be("                           ^");
    }

    [Fact]
    public async Task An_unknown_field_exits_1_with_a_suggestion()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "seniorty = 'senior'");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().StartWith("error: Unknown field 'seniorty' for people at line 1, column 1").And.EndWith("Did you mean 'seniority'?");
        FilteredData.Lines(result.Stderr)[2].Should().Be("  ^^^^^^^^");
    }

    [Fact]
    public async Task A_type_mismatch_exits_1()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "joined after 'soon'");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().Contain("date-time field 'joined' has the wrong type at line 1, column 14");
    }

    [Fact]
    public async Task A_linked_company_field_lists_people_through_their_company_a_page_at_a_time()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        await FilteredData.ImportCompaniesAsync(_workspace);

        var all = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--filter", "company.name = 'example corp'");
        var page = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--filter", "company.name = 'example corp'", "--limit", "2");
        var navy = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person", "--filter", "company.name = 'Navy'");

        all.ExitCode.Should().Be(0, all.ToString());
        all.Json.AsArray().Should().HaveCount(4, "every person's work email is at example.com");
        page.Json.AsArray().Should().HaveCount(2);
        navy.Json.AsArray().Should().BeEmpty("Grace's surviving email is at example.com");
    }

    [Fact]
    public async Task A_related_record_quantifier_exits_1_saying_it_is_not_supported()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("profiles", "list", "--kind", "person", "--filter", "opportunities.none(stage = 'Lost')");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().StartWith("error: The catalog declares no related record collections for people, so 'opportunities' is unknown");
    }

    [Fact]
    public async Task Help_shows_the_filter_and_paging_options()
    {
        var result = await _workspace.RunAsync("profiles", "list", "--help");

        result.Stdout.Should().Contain("--kind <person|company> (REQUIRED)").And.Contain("--filter <TEXT>").And.Contain("--limit <N>").And.Contain("--after <ID>");
    }

    private static string Id(JsonNode? profile) => (string)profile!["id"]!;

    private static string Email(JsonNode? profile) => (string)profile!["aliases"]!["email"]![0]!;
}
