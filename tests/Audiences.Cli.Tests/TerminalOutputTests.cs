using Spectre.Console.Testing;

namespace Audiences.Cli.Tests;

/// <summary>
/// When stdout is a terminal (a test console stands in for it), tables are drawn and long work shows
/// progress; with --json, or when stdout is redirected, nothing but the plain results is written.
/// </summary>
public sealed class TerminalOutputTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();
    private readonly TestConsole _terminal = new();

    public TerminalOutputTests() => _terminal.Interactive().Width(160).SupportsUnicode(true);

    public void Dispose()
    {
        _terminal.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task A_long_import_shows_a_progress_bar_on_a_terminal()
    {
        var file = _workspace.WriteCsv("people.csv", ["email", .. Enumerable.Range(1, 50).Select(i => $"person{i}@example.com")]);

        var result = await RunOnTerminalAsync([.. PeopleFiles.Import(file), "--batch-size", "10"]);

        result.ExitCode.Should().Be(0, result.ToString());
        _terminal.Output.Should().Contain("people.csv: 50 rows, 50 created").And.Contain("100%").And.Contain("━");
        _terminal.Output.Should().Contain("read 50, created 50", "the summary follows the bar on the terminal");
        result.Stdout.Should().BeEmpty("stdout is the terminal");
        result.Stderr.Should().NotContain("rows/s", "the bar replaces the progress lines");
    }

    [Fact]
    public async Task A_probabilistic_import_shows_a_second_task_for_the_matching_pass()
    {
        var file = _workspace.WriteCsv("people.csv", "email,name", "ada@example.com,Ada Lovelace", "ada.l@example.org,Ada Lovelace");

        var result = await RunOnTerminalAsync([.. PeopleFiles.Import(file), "--fuzzy", "name"]);

        result.ExitCode.Should().Be(0, result.ToString());
        _terminal.Output.Should().Contain("people.csv: 2 rows").And.Contain("probabilistic matching");
    }

    [Fact]
    public async Task Tables_are_drawn_on_a_terminal()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var result = await RunOnTerminalAsync("fields", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        _terminal.Output.Should().Contain("╭").And.Contain("│ FIELD").And.Contain("│ score");
        var plain = await _workspace.RunAsync("fields", "--kind", "person");
        plain.Stdout.Should().StartWith("FIELD").And.NotContain("│", "redirected output keeps the plain table");
    }

    [Fact]
    public async Task Json_on_a_terminal_writes_only_the_document()
    {
        var file = _workspace.WriteCsv("people.csv", ["email", .. Enumerable.Range(1, 20).Select(i => $"person{i}@example.com")]);

        var result = await RunOnTerminalAsync(["--json", .. PeopleFiles.Import(file), "--batch-size", "5"]);

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["created"]!).Should().Be(20);
        _terminal.Output.Should().BeEmpty();
        result.Stderr.Should().BeEmpty();
    }

    private Task<CliResult> RunOnTerminalAsync(params string[] args) =>
        _workspace.RunAsync(environment => environment with { Terminal = _terminal, ProgressInterval = TimeSpan.Zero }, args);
}
