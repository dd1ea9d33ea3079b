namespace Audiences.Cli.Tests;

/// <summary>
/// Exit codes: 2 when the command line is malformed (unknown command or option, missing required
/// option or value); 1 when it is well formed but a value, file or database it names cannot be
/// used (a --kind other than person or company is such a value, so it gives 1).
/// </summary>
public sealed class ErrorTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(new[] { "frobnicate" }, "Unrecognized command or argument 'frobnicate'")]
    [InlineData(new string[0], "Required command was not provided")]
    [InlineData(new[] { "import", "xml" }, "Unrecognized command or argument 'xml'")]
    [InlineData(new[] { "count" }, "Option '--kind' is required")]
    [InlineData(new[] { "import", "csv", "--kind", "person" }, "Option '--file' is required")]
    [InlineData(new[] { "count", "--kind" }, "Required argument missing for option: '--kind'")]
    [InlineData(new[] { "count", "--kind", "person", "--colour", "red" }, "Unrecognized command or argument '--colour'")]
    [InlineData(new[] { "count", "--kind", "person", "now" }, "Unrecognized command or argument 'now'")]
    [InlineData(new[] { "count", "--kind", "person", "--kind", "company" }, "Option '--kind' expects a single argument but 2 were provided")]
    [InlineData(new[] { "count", "-k", "person" }, "Unrecognized command or argument '-k'")]
    [InlineData(new[] { "merges", "undo" }, "Required argument 'ID' missing for command: 'undo'")]
    [InlineData(new[] { "merges", "undo", "7", "8" }, "Unrecognized command or argument '8'")]
    [InlineData(new[] { "merges", "redo", "7" }, "Unrecognized command or argument 'redo'")]
    [InlineData(new[] { "profiles", "lock" }, "Required argument 'FIELD' missing for command: 'lock'")]
    [InlineData(new[] { "profiles", "lock", "1" }, "Required argument 'FIELD' missing for command: 'lock'")]
    [InlineData(new[] { "profiles", "unlock", "1", "title", "CTO" }, "Unrecognized command or argument 'CTO'")]
    [InlineData(new[] { "profiles" }, "Required command was not provided")]
    [InlineData(new[] { "review" }, "Required command was not provided")]
    [InlineData(new[] { "review", "accept" }, "Required argument 'ID' missing for command: 'accept'")]
    [InlineData(new[] { "review", "list", "5" }, "Unrecognized command or argument '5'")]
    public async Task Usage_errors_exit_2_with_the_problem_and_the_usage_on_stderr(string[] args, string problem)
    {
        var result = await _workspace.RunAsync(args);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines[0].Should().StartWith("error: ");
        result.StderrLines.Should().Contain(l => l.StartsWith("error: ", StringComparison.Ordinal) && l.Contains(problem));
        result.Stderr.Should().Contain("Usage:");
    }

    [Fact]
    public async Task Missing_file_exits_1_naming_the_file()
    {
        var missing = Path.Combine(_workspace.Folder, "nope.csv");

        var result = await _workspace.RunAsync(["--json", .. PeopleFiles.Import(missing)]);

        AssertBadInput(result, "nope.csv");
        File.Exists(_workspace.DatabasePath).Should().BeFalse("a failed import leaves no empty database behind");
    }

    [Fact]
    public async Task Empty_file_exits_1()
    {
        var empty = _workspace.WriteCsv("empty.csv");

        AssertBadInput(await _workspace.RunAsync(PeopleFiles.Import(empty)), "empty.csv");
    }

    [Theory]
    [InlineData("no-equals-sign", "has no '='")]
    [InlineData("email=Not A Key", "not a valid field key")]
    [InlineData("email=email:colour", "colour")]
    public async Task Bad_map_exits_1_naming_the_mapping(string mapping, string problem)
    {
        var file = _workspace.WriteCsv("people.csv", "email", "a@example.com");

        var result = await _workspace.RunAsync([.. PeopleFiles.Import(file), "--map", mapping]);

        AssertBadInput(result, problem);
        result.Stderr.Should().Contain("--map");
    }

    [Fact]
    public async Task Map_to_a_missing_column_exits_1()
    {
        var file = _workspace.WriteCsv("people.csv", "email", "a@example.com");

        AssertBadInput(await _workspace.RunAsync([.. PeopleFiles.Import(file), "--map", "E-mail=email"]), "E-mail");
    }

    [Fact]
    public async Task Bad_kind_value_exits_1()
    {
        var file = _workspace.WriteCsv("people.csv", "email", "a@example.com");

        AssertBadInput(await _workspace.RunAsync("import", "csv", "--kind", "robot", "--file", file), "--kind 'robot'");
        AssertBadInput(await _workspace.RunAsync("count", "--kind", "robot"), "use person or company");
    }

    [Theory]
    [InlineData("--match", "Email Address")]
    [InlineData("--match", ",")]
    [InlineData("--batch-size", "0")]
    [InlineData("--batch-size", "lots")]
    [InlineData("--id-column", "missing_column")]
    [InlineData("--source-kind", "spreadsheet")]
    public async Task Bad_import_option_values_exit_1(string option, string value)
    {
        var file = _workspace.WriteCsv("people.csv", "email", "a@example.com");

        var result = await _workspace.RunAsync([.. PeopleFiles.Import(file), option, value]);

        AssertBadInput(result, option == "--match" ? "--match" : value);
    }

    [Fact]
    public async Task Reading_a_database_that_is_not_there_exits_1()
    {
        AssertBadInput(await _workspace.RunAsync("count", "--kind", "person"), "no database");
    }

    [Fact]
    public async Task A_db_folder_that_is_not_there_exits_1()
    {
        var result = await CliWorkspace.RunRawAsync(["--db", Path.Combine(_workspace.Folder, "missing", "x.db"), "demo"]);

        AssertBadInput(result, "does not exist");
    }

    [Fact]
    public async Task A_db_that_is_not_a_database_exits_1()
    {
        await File.WriteAllTextAsync(_workspace.DatabasePath, "this is a text file, not SQLite, and it is long enough to have a header");

        AssertBadInput(await _workspace.RunAsync("count", "--kind", "person"), _workspace.DatabasePath);
    }

    [Fact]
    public async Task Help_prints_the_usage_on_stdout()
    {
        var full = await _workspace.RunAsync("--help");
        var command = await _workspace.RunAsync("import", "csv", "--help");
        var word = await _workspace.RunAsync("help", "count");

        full.ExitCode.Should().Be(0);
        full.Stdout.Should().Contain("import csv").And.Contain("Exit codes");
        command.Stdout.Should().Contain("--map <COLUMN=FIELD[:TYPE]>");
        word.ExitCode.Should().Be(0);
        word.Stdout.Should().Contain("Audiences.Cli count [options]").And.Contain("--kind <person|company> (REQUIRED)");
    }

    private static void AssertBadInput(CliResult result, string mention)
    {
        result.ExitCode.Should().Be(1, result.ToString());
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("error: ").And.Contain(mention);
    }
}
