using Audiences.Cli.Cli;

namespace Audiences.Cli.Tests;

/// <summary>What the parser gives every command: help, suggestions, response files, completion, options anywhere.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string> Commands() => new(Tree().Select(c => c.Path));

    [Fact]
    public void The_tree_holds_every_command_of_the_contract()
    {
        Tree().Select(c => c.Path).Should().BeEquivalentTo(
            "demo", "import csv", "import sql", "import salesforce", "import hubspot", "import preview csv", "import preview sql",
            "sync add", "sync list", "sync run", "sync history", "sync remove",
            "enrich add", "enrich edit", "enrich list", "enrich budget", "enrich test", "enrich run", "enrich runs", "enrich export-run",
            "export add", "export list", "export plan", "export run", "export history", "export failures", "export remove",
            "ads add", "ads list", "ads sync", "ads status",
            "signal add", "signal list", "signal preview", "signal run", "signal runs", "signal budget", "signal remove",
            "draft search", "draft list", "draft show", "draft commit", "draft discard",
            "count", "profiles list", "profiles find", "profiles upsert", "profiles lock", "profiles unlock", "fields", "fields edit", "hub", "hub fields", "hub enrichments", "hub signals", "filter parse", "filter ai",
            "merges", "merges undo", "review list", "review accept", "review reject",
            "audience create", "audience derive", "audience list", "audience members", "audience archived", "audience archive",
            "audience restore", "audience explain", "audience record", "audience activate", "audience delete", "audience refresh",
            "audience changes");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_naming_its_options_and_arguments(string path)
    {
        var command = Tree().Single(c => c.Path == path);

        var result = await _workspace.RunAsync([.. path.Split(' '), "--help"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain($"Audiences.Cli {path}").And.Contain(command.Description!).And.Contain("--db <PATH>").And.Contain("--json");
        foreach (var option in command.Options)
        {
            result.Stdout.Should().Contain(option.Name, $"'{path} --help' lists its options");
        }

        foreach (var argument in command.Arguments)
        {
            result.Stdout.Should().Contain($"<{argument.Name}>", $"'{path} --help' lists its arguments");
        }

        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task The_public_entry_point_runs_with_string_writers()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["--db", _workspace.DatabasePath, "count", "--kind", "person"], stdout, stderr);
        var usage = await CliApp.RunAsync(["count"], stdout, stderr);

        code.Should().Be(0);
        stdout.ToString().Should().StartWith("4" + Environment.NewLine, "redirected output is plain text, with no terminal drawing");
        usage.Should().Be(2);
        stderr.ToString().Should().StartWith("error: Option '--kind' is required.");
    }

    [Fact]
    public async Task A_response_file_supplies_arguments()
    {
        await FilteredData.ImportPeopleAsync(_workspace);
        var arguments = Path.Combine(_workspace.Folder, "count.rsp");
        await File.WriteAllLinesAsync(arguments, ["# people on the VIP list", "count --kind person", "--filter \"vip = true\""]);

        var result = await _workspace.RunAsync("--json", $"@{arguments}");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["count"]!).Should().Be(2);
    }

    [Fact]
    public async Task A_missing_response_file_is_a_usage_error()
    {
        var result = await _workspace.RunAsync($"@{Path.Combine(_workspace.Folder, "missing.rsp")}");

        result.ExitCode.Should().Be(2, result.ToString());
        result.StderrLines.Should().Contain(l => l.StartsWith("error: Response file not found", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { "cuont", "--kind", "person" }, "'cuont' was not matched", "count")]
    [InlineData(new[] { "count", "--knd", "person" }, "'--knd' was not matched", "--kind")]
    [InlineData(new[] { "audience", "memebrs", "1" }, "'memebrs' was not matched", "members")]
    public async Task A_mistyped_word_gets_suggestions_on_stderr(string[] args, string notMatched, string suggestion)
    {
        var result = await _workspace.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        var lines = result.StderrLines;
        var at = Array.FindIndex(lines, l => l.StartsWith(notMatched, StringComparison.Ordinal));
        at.Should().BeGreaterThan(0, result.ToString());
        lines[at].Should().EndWith("Did you mean one of the following?");
        lines[at + 1].Should().Be(suggestion);
    }

    [Fact]
    public async Task The_suggest_directive_completes_commands_and_values_for_the_shell()
    {
        var commands = await CliWorkspace.RunRawAsync(["[suggest:12]", "audience mem"]);
        var kinds = await CliWorkspace.RunRawAsync(["[suggest:15]", "count --kind pe"]);

        commands.ExitCode.Should().Be(0, commands.ToString());
        commands.Stdout.Split('\n', StringSplitOptions.TrimEntries).Should().Contain("members");
        kinds.Stdout.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Should().Equal("person");
    }

    [Fact]
    public async Task Global_options_may_come_before_or_after_the_command()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var before = await CliWorkspace.RunRawAsync(["--json", "--db", _workspace.DatabasePath, "count", "--kind", "person"]);
        var after = await CliWorkspace.RunRawAsync(["count", "--kind", "person", "--json", $"--db={_workspace.DatabasePath}"]);
        var between = await CliWorkspace.RunRawAsync(["profiles", "--json", "list", "--db", _workspace.DatabasePath, "--kind", "person"]);

        before.ExitCode.Should().Be(0, before.ToString());
        ((long)before.Json["count"]!).Should().Be(4);
        after.Json.ToJsonString().Should().Be(before.Json.ToJsonString());
        between.Json.AsArray().Should().HaveCount(4);
    }

    [Fact]
    public async Task A_command_flag_may_come_anywhere_without_taking_the_next_word()
    {
        await FilteredData.ImportPeopleAsync(_workspace);

        var result = await _workspace.RunAsync("audience", "create", "--draft", "Later", "--kind", "person", "--filter", "vip = true", "--user", "ana");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().StartWith("Created audience 1 'Later':").And.Contain("status:     draft");
    }

    [Fact]
    public async Task A_negative_number_is_a_value_and_double_dash_ends_the_options()
    {
        await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)));

        var negative = await _workspace.RunAsync("--json", "profiles", "lock", "1", "score", "-2.5");
        var dashed = await _workspace.RunAsync("--json", "profiles", "lock", "1", "name", "--", "--Ada--");

        negative.ExitCode.Should().Be(0, negative.ToString());
        ((double)negative.Json["value"]!["value"]!).Should().Be(-2.5);
        dashed.ExitCode.Should().Be(0, dashed.ToString());
        ((string)dashed.Json["value"]!["value"]!).Should().Be("--Ada--");
    }

    [Theory]
    [InlineData(new[] { "count", "--kind", "robot" }, "error: --kind 'robot' is not a kind; use person or company.")]
    [InlineData(new[] { "profiles", "list", "--kind", "person", "--limit", "none" }, "error: --limit 'none' is not a page size; give a whole number of at least 1, e.g. --limit 50.")]
    [InlineData(new[] { "--db", " ", "count", "--kind", "person" }, "error: --db is empty; name the database file, e.g. --db audiences.db.")]
    public async Task A_typed_value_that_does_not_parse_is_bad_input_on_one_line(string[] args, string error)
    {
        var result = await CliWorkspace.RunRawAsync(args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal(error);
    }

    private static IEnumerable<CliCommand> Tree() => CommandTree.Commands(new CommandTree(new CliEnvironment(TextWriter.Null, TextWriter.Null)).Root);
}
