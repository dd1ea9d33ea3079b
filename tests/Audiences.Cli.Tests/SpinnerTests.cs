using Spectre.Console.Testing;

namespace Audiences.Cli.Tests;

/// <summary>Sync runs, searches and previews show a spinner on a terminal, and nothing but results with --json.</summary>
public sealed class SpinnerTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();
    private readonly TestConsole _terminal = new();

    public SpinnerTests() => _terminal.Interactive().Width(160).SupportsUnicode(true);

    public void Dispose()
    {
        _terminal.Dispose();
        _workspace.Dispose();
    }

    [Fact]
    public async Task With_json_a_terminal_gets_nothing_and_stdout_only_the_document()
    {
        var warehouse = new SqliteWarehouse(_workspace.Folder).WithPeople(2);

        var import = await RunOnTerminalAsync(
            "--json", "import", "sql", "--provider", "sqlite", "--connection", warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery, "--kind", "person", "--id-column", "id");
        var search = await RunOnTerminalAsync("--json", "draft", "search", "--kind", "person", "--provider", "sample", "--where", "title contains \"VP\"");

        import.ExitCode.Should().Be(0, import.ToString());
        ((long)import.Json["read"]!).Should().Be(2);
        ((long)search.Json["records"]!).Should().Be(5);
        _terminal.Output.Should().BeEmpty();
        import.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task On_a_terminal_the_results_are_drawn_there_and_redirected_output_stays_plain()
    {
        var search = await RunOnTerminalAsync("draft", "search", "--kind", "person", "--provider", "sample", "--where", "title contains \"VP\"");
        var plain = await _workspace.RunAsync("draft", "show", "1");

        search.ExitCode.Should().Be(0, search.ToString());
        _terminal.Output.Should().Contain("Kept draft 1");
        search.Stdout.Should().BeEmpty("stdout is the terminal");
        plain.Stdout.Should().NotContain("╭").And.NotContain("⠋");
        plain.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task A_sync_run_on_a_terminal_shows_its_status_while_it_runs()
    {
        var warehouse = new SqliteWarehouse(_workspace.Folder).WithPeople(2);
        (await _workspace.RunAsync(
            "sync", "add", "signups", "--kind", "person", "--provider", "sqlite", "--connection", warehouse.Connection,
            "--query", SqliteWarehouse.PeopleQuery, "--id-column", "id")).ExitCode.Should().Be(0);

        var run = await RunOnTerminalAsync("sync", "run", "signups");

        run.ExitCode.Should().Be(0, run.ToString());
        _terminal.Output.Should().Contain("Running sync 'signups'").And.Contain("read 2, created 2");
    }

    private Task<CliResult> RunOnTerminalAsync(params string[] args) =>
        _workspace.RunAsync(environment => environment with { Terminal = _terminal, ProgressInterval = TimeSpan.Zero }, args);
}
