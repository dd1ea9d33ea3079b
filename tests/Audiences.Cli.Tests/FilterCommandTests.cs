using System.Text.Json.Nodes;

namespace Audiences.Cli.Tests;

public sealed class FilterCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Parse_without_a_database_checks_the_syntax_only_and_creates_no_database()
    {
        var result = await _workspace.RunAsync("filter", "parse", "titel contains 'VP' and score > 3", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        Lines(result.Stdout).Should().Equal(
            "filter: titel contains \"VP\" and score > 3",
            """json:   {"version":1,"filter":{"and":[{"field":"titel","op":"contains","value":"VP"},{"field":"score","op":">","value":3}]}}""",
            $"syntax only: there is no database at {_workspace.DatabasePath}, so field names and value types were not checked");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task Parse_json_without_a_database_keeps_literals_as_written()
    {
        var result = await _workspace.RunAsync("--json", "filter", "parse", "score > \"0500\"", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.AsObject().Select(p => p.Key).Should().Equal("text", "bound", "filter");
        ((bool)result.Json["bound"]!).Should().BeFalse();
        ((int)result.Json["filter"]!["version"]!).Should().Be(1);
        ((string)result.Json["filter"]!["filter"]!["value"]!).Should().Be("0500");
    }

    [Fact]
    public async Task Parse_with_a_database_binds_to_its_catalog()
    {
        await ImportPeopleAsync();

        var result = await _workspace.RunAsync("--json", "filter", "parse", "SCORE > \"0500\" and vip = 'yes' or tags contains \"navy\"", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        ((bool)result.Json["bound"]!).Should().BeTrue();
        ((string)result.Json["text"]!).Should().Be("score > 500 and vip = true or tags contains \"navy\"");
        var first = result.Json["filter"]!["filter"]!["or"]![0]!["and"]![0]!;
        JsonNode.DeepEquals(first, JsonNode.Parse("""{"field":"score","op":">","value":500}""")).Should().BeTrue(first.ToJsonString());
    }

    [Fact]
    public async Task Parse_text_with_a_database_says_it_was_checked()
    {
        await ImportPeopleAsync();

        var result = await _workspace.RunAsync("filter", "parse", "joined within last 90d", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        Lines(result.Stdout)[^1].Should().Be($"checked against the person field catalog of {_workspace.DatabasePath}");
    }

    [Fact]
    public async Task Parse_syntax_error_exits_1_with_a_caret_under_the_place_and_a_suggestion()
    {
        var result = await _workspace.RunAsync("filter", "parse", "title contians \"VP\"", "--kind", "person");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("error: Expected an operator at line 1, column 7: expected an operator")
            .And.Contain("found 'contians'").And.EndWith("Did you mean 'contains'?");
        lines[1].Should().Be("  title contians \"VP\"");
        lines[2].Should().Be("        ^^^^^^^^");
    }

    [Fact]
    public async Task Parse_unknown_field_with_a_database_lists_the_fields_and_the_closest()
    {
        await ImportPeopleAsync();

        var result = await _workspace.RunAsync("filter", "parse", "vip = true and scroe > 3", "--kind", "person");

        result.ExitCode.Should().Be(1, result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("error: Unknown field 'scroe' for people at line 1, column 16: expected one of email, ")
            .And.Contain("score").And.EndWith("found 'scroe'. Did you mean 'score'?");
        lines[1].Should().Be("  vip = true and scroe > 3");
        lines[2].Should().Be("                 ^^^^^");
    }

    [Fact]
    public async Task Parse_type_error_points_at_the_value()
    {
        await ImportPeopleAsync();

        var result = await _workspace.RunAsync("filter", "parse", "score = \"many\"", "--kind", "person");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().Contain("has the wrong type at line 1, column 9: expected a number such as 500, found text \"many\"");
        result.StderrLines[^1].Should().Be("^^^^^^");
    }

    [Fact]
    public async Task Parse_error_on_a_later_line_shows_that_line()
    {
        var result = await _workspace.RunAsync("filter", "parse", "score > 3\nand (title = 'x'", "--kind", "person");

        result.ExitCode.Should().Be(1, result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("error: Unclosed parenthesis at line 2");
        lines[1].Should().Be("  and (title = 'x'");
        lines[2].Trim().Should().Be("^");
    }

    [Fact]
    public async Task Parse_without_text_is_a_usage_error()
    {
        var result = await _workspace.RunAsync("filter", "parse", "--kind", "person");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines[0].Should().Be("error: Required argument 'TEXT' missing for command: 'parse'.");
        result.Stderr.Should().Contain("Audiences.Cli filter parse <TEXT> [options]");
    }

    [Fact]
    public async Task Ai_prints_the_condition_in_text_and_json()
    {
        await ImportPeopleAsync();

        var result = await _workspace.RunAsync("filter", "ai", "score more than 90", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        Lines(result.Stdout).Should().Equal(
            "condition: score > 90",
            """json:      {"version":1,"filter":{"field":"score","op":">","value":90}}""");
    }

    [Fact]
    public async Task Ai_json_is_one_document()
    {
        await ImportPeopleAsync();

        var result = await _workspace.RunAsync("--json", "filter", "ai", "has no linkedin", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.AsObject().Select(p => p.Key).Should().Equal("input", "text", "filter");
        ((string)result.Json["input"]!).Should().Be("has no linkedin");
        ((string)result.Json["text"]!).Should().Be("linkedin_url is empty");
        JsonNode.DeepEquals(result.Json["filter"], JsonNode.Parse("""{"version":1,"filter":{"field":"linkedin_url","op":"is_empty"}}""")).Should().BeTrue();
    }

    [Fact]
    public async Task Ai_text_it_cannot_map_exits_1_listing_the_known_fields()
    {
        await ImportPeopleAsync();

        var result = await _workspace.RunAsync("--json", "filter", "ai", "likes pizza", "--kind", "person");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle();
        result.StderrLines[0].Should().StartWith("error: Could not turn \"likes pizza\" into a condition: it names no known field.")
            .And.Contain("Known fields for people: email, joined, linkedin_url, name, score, seniority, tags, vip.");
    }

    [Fact]
    public async Task Ai_needs_a_database()
    {
        var result = await _workspace.RunAsync("filter", "ai", "score more than 90", "--kind", "person");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines[0].Should().Contain("there is no database at");
    }

    [Fact]
    public async Task Help_lists_both_filter_commands()
    {
        var result = await _workspace.RunAsync("--help");

        result.Stdout.Should().Contain("filter parse <TEXT>").And.Contain("filter ai <TEXT>");
    }

    private async Task ImportPeopleAsync()
    {
        var import = await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)));
        import.ExitCode.Should().Be(0, import.ToString());
        var enrichment = await _workspace.RunAsync(PeopleFiles.Import(PeopleFiles.Enrichment(_workspace)));
        enrichment.ExitCode.Should().Be(0, enrichment.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
