namespace Audiences.Cli.Tests;

public sealed class CountFilterTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_filter_counts_only_the_matching_profiles()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var high = await _workspace.RunAsync("count", "--kind", "person", "--filter", "score >= 90");
        var either = await _workspace.RunAsync("count", "--kind", "person", "--filter=vip = true or seniority = 'SENIOR'");

        high.ExitCode.Should().Be(0, high.ToString());
        high.Stdout.Should().Be("2" + Environment.NewLine);
        either.Stdout.Should().Be("3" + Environment.NewLine);
    }

    [Fact]
    public async Task Json_names_the_kind_and_the_normalized_filter()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "count", "--kind", "person", "--filter", "SCORE >= '0090' and Vip = 'yes'");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.AsObject().Select(p => p.Key).Should().Equal("kind", "filter", "count");
        ((string)result.Json["kind"]!).Should().Be("person");
        ((string)result.Json["filter"]!).Should().Be("score >= 90 and vip = true");
        ((long)result.Json["count"]!).Should().Be(2);
    }

    [Fact]
    public async Task Without_a_filter_the_json_is_unchanged()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "count", "--kind", "person");

        result.Json.AsObject().Select(p => p.Key).Should().Equal("count");
        ((long)result.Json["count"]!).Should().Be(PeopleFiles.DistinctPeople);
    }

    [Fact]
    public async Task A_filter_nothing_matches_counts_zero()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        await FilteredData.ImportCompaniesAsync(_workspace);

        var text = await _workspace.RunAsync("count", "--kind", "person", "--filter", "score > 1000");
        var json = await _workspace.RunAsync("--json", "count", "--kind", "company", "--filter", "employees < 10");

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Trim().Should().Be("0");
        ((long)json.Json["count"]!).Should().Be(0, json.ToString());
    }

    [Fact]
    public async Task A_syntax_error_exits_1_with_a_caret_under_the_place_and_a_suggestion()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("--json", "count", "--kind", "person", "--filter", "name contians 'Ada'");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        var lines = FilteredData.Lines(result.Stderr);
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("error: Expected an operator at line 1, column 6:")
            .And.Contain("found 'contians'").And.EndWith("Did you mean 'contains'?");
        lines[1].Should().Be("  name contians 'Ada'");
        lines[2].Should().Be("       ^^^^^^^^");
    }

    [Fact]
    public async Task An_unknown_field_exits_1_naming_the_closest_field()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("count", "--kind", "person", "--filter", "vip = true and scroe > 3");

        result.ExitCode.Should().Be(1, result.ToString());
        var lines = FilteredData.Lines(result.Stderr);
        lines[0].Should().StartWith("error: Unknown field 'scroe' for people at line 1, column 16: expected one of email, ")
            .And.EndWith("found 'scroe'. Did you mean 'score'?");
        lines[1].Should().Be("  vip = true and scroe > 3");
        lines[2].Should().Be("                 ^^^^^");
    }

    [Fact]
    public async Task A_field_of_the_other_kind_is_unknown()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        await FilteredData.ImportCompaniesAsync(_workspace);

        var result = await _workspace.RunAsync("count", "--kind", "company", "--filter", "score > 3");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().StartWith("error: Unknown field 'score' for companies at line 1, column 1: expected one of domain, employees, name,");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_exits_1_pointing_at_the_value()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("count", "--kind", "person", "--filter", "score = \"many\"");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().Contain("has the wrong type at line 1, column 9: expected a number such as 500, found text \"many\"");
        result.StderrLines[1].Should().Be("score = \"many\"");
        result.StderrLines[2].Should().Be("^^^^^^");
        FilteredData.Lines(result.Stderr)[2].Should().Be("          ^^^^^^");
    }

    [Fact]
    public async Task An_operator_that_does_not_fit_the_field_exits_1()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("count", "--kind", "person", "--filter", "score contains 9");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().StartWith("error: The operator 'contains' does not apply to the number field 'score' at line 1, column 7");
        FilteredData.Lines(result.Stderr)[2].Should().Be("        ^^^^^^^^");
    }

    [Fact]
    public async Task A_linked_company_field_counts_people_through_their_company()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        await FilteredData.ImportCompaniesAsync(_workspace);

        var small = await _workspace.RunAsync("--json", "count", "--kind", "person", "--filter", "score > 3 and company.employees < 100");
        var large = await _workspace.RunAsync("--json", "count", "--kind", "person", "--filter", "company.employees >= 100");

        // Ada, Grace and Alan have scores and work-email domain example.com (40 employees); Linus has no score.
        small.ExitCode.Should().Be(0, small.ToString());
        ((long)small.Json["count"]!).Should().Be(3);
        ((long)large.Json["count"]!).Should().Be(0);
    }

    [Fact]
    public async Task A_related_record_quantifier_exits_1_saying_it_is_not_supported()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("count", "--kind", "person", "--filter", "not opportunities.any(amount > 5)");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().StartWith("error: The catalog declares no related record collections for people, so 'opportunities' is unknown");
        FilteredData.Lines(result.Stderr)[2].Should().Be("      ^^^^^^^^^^^^^", "the caret marks the collection name");
    }

    [Fact]
    public async Task A_filter_needs_a_database()
    {
        var result = await _workspace.RunAsync("count", "--kind", "person", "--filter", "score > 3");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().Contain("there is no database at");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task Help_shows_the_filter_option()
    {
        var result = await _workspace.RunAsync("count", "--help");

        result.Stdout.Should().Contain("--kind <person|company> (REQUIRED)").And.Contain("--filter <TEXT>");
    }
}
