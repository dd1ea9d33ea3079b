namespace Audiences.Cli.Tests;

/// <summary><c>audience members</c> and <c>audience archived</c> with <c>--format text|csv|json</c>.</summary>
public sealed class AudienceFormatTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Csv_has_the_id_and_every_field_of_the_kind_quoted_as_RFC_4180_asks()
    {
        await ImportAsync();

        var result = await _workspace.RunAsync("audience", "members", "Speakers", "--format", "csv");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().BeEmpty();
        result.Stdout.Split("\r\n").Should().Equal(
            "id,email,joined,name,score,tags,title,vip",
            "1,ada@example.com,2025-12-10,\"Lovelace, Ada\",91,math; poetry,\"The \"\"Countess\"\"\",true",
            "3,alan@example.com,,Alan Turing,95,,,true",
            string.Empty);
    }

    [Fact]
    public async Task Csv_lists_every_record_unless_a_page_is_asked_for()
    {
        await ImportAsync();

        var page = await _workspace.RunAsync("audience", "members", "Speakers", "--format", "csv", "--limit", "1");
        var after = await _workspace.RunAsync("audience", "members", "Speakers", "--format", "csv", "--after", "1");

        page.ExitCode.Should().Be(0, page.ToString());
        page.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]).Should().Equal("id", "1");
        page.StderrLines.Should().Equal("More active records follow; for the next page add --after 1.");
        after.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')[0]).Should().Equal("id", "3");
        after.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Archived_records_are_written_as_csv_too()
    {
        await ImportAsync();
        (await _workspace.RunAsync("audience", "archive", "Speakers", "3")).ExitCode.Should().Be(0);

        var result = await _workspace.RunAsync("audience", "archived", "Speakers", "--format", "csv");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().Equal(
            "id,email,joined,name,score,tags,title,vip", "3,alan@example.com,,Alan Turing,95,,,true");
    }

    [Fact]
    public async Task Format_json_is_the_same_as_json_and_text_is_the_default()
    {
        await ImportAsync();

        var json = await _workspace.RunAsync("--json", "audience", "members", "Speakers");
        var format = await _workspace.RunAsync("audience", "members", "Speakers", "--format", "json");
        var both = await _workspace.RunAsync("--json", "audience", "members", "Speakers", "--format", "json");
        var text = await _workspace.RunAsync("audience", "members", "Speakers", "--format", "text");
        var plain = await _workspace.RunAsync("audience", "members", "Speakers");

        format.ExitCode.Should().Be(0, format.ToString());
        format.Stdout.Should().Be(json.Stdout);
        both.Stdout.Should().Be(json.Stdout);
        text.Stdout.Should().Be(plain.Stdout).And.StartWith("Audience 1 'Speakers': 2 active records:");
    }

    [Fact]
    public async Task An_unknown_format_is_bad_input_and_json_with_csv_a_usage_error()
    {
        await ImportAsync();

        var unknown = await _workspace.RunAsync("audience", "members", "Speakers", "--format", "xml");
        var conflict = await _workspace.RunAsync("--json", "audience", "archived", "Speakers", "--format", "csv");

        unknown.ExitCode.Should().Be(1, unknown.ToString());
        unknown.StderrLines.Should().Equal("error: --format 'xml' is not an output format; use text, csv or json.");
        conflict.ExitCode.Should().Be(2, conflict.ToString());
        conflict.Stdout.Should().BeEmpty();
        conflict.StderrLines[0].Should().Be("error: --json asks for JSON but --format asks for csv; give one of them.");
    }

    /// <summary>Three people (Ada with a comma and quotes in her values, Grace, Alan) and 'Speakers' (vip = true: Ada and Alan).</summary>
    private async Task ImportAsync()
    {
        var file = _workspace.WriteCsv(
            "people.csv",
            "email,name,title,score,vip,tags,joined",
            "ada@example.com,\"Lovelace, Ada\",\"The \"\"Countess\"\"\",91,true,math;poetry,2025-12-10",
            "grace@example.com,Grace Hopper,Admiral,88,false,navy,2026-01-05",
            "alan@example.com,Alan Turing,,95,true,,");
        var import = await _workspace.RunAsync([.. PeopleFiles.Import(file), "--map", "tags=tags:list"]);
        import.ExitCode.Should().Be(0, import.ToString());
        await AudienceData.CreateAsync(_workspace, "Speakers", "vip = true");
    }
}
