using Audiences.Cli.Exports;
using Audiences.Sdk.Destinations;

namespace Audiences.Cli.Tests;

/// <summary>What <c>export</c> refuses: usage errors (exit 2), values and destinations that cannot be used (exit 1), and secrets never printed.</summary>
public sealed class ExportErrorTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string[], string> UsageErrors() => new()
    {
        { ["--to", "sql", "--kind", "person", "--map", "email=email"], "--to sql also needs --provider, --connection, --table, --key-column." },
        { ["--to", "sql", "--provider", "sqlite", "--connection", "Data Source=x.db", "--table", "t", "--key-column", "email", "--file", "x.csv", "--kind", "person", "--map", "a=b"], "--file names a CSV file, but --to sql writes a table" },
        { ["--to", "csv", "--file", "x.csv", "--table", "t", "--kind", "person", "--map", "a=b"], "--table belongs to --to sql" },
        { ["--to", "csv", "--kind", "person", "--map", "a=b"], "--to csv also needs --file PATH." },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person"], "Map at least one field" },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person", "--map", "a=b", "--every", "1h", "--manual"], "--every and --manual contradict each other" },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person", "--map", "a=b", "--key-source", "crm", "--key-field", "email"], "--key-source and --key-field both say how records are keyed" },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task A_missing_or_misplaced_option_is_a_usage_error(string[] args, string error)
    {
        var result = await _workspace.RunAsync(["export", "add", "x", .. args]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(error);
    }

    public static TheoryData<string[], string> BadValues() => new()
    {
        { ["--to", "ftp", "--file", "x.csv", "--kind", "person", "--map", "a=b"], "--to 'ftp' is not a destination this tool writes; use sql, csv, salesforce or hubspot" },
        { ["--to", "meta", "--file", "x.csv", "--kind", "person", "--map", "a=b"], "--to 'meta' is an ad platform; add an ad audience with 'ads add NAME --platform meta ...'." },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person", "--map", "a=b:sometimes"], "'sometimes' is not a write rule; use never, if-empty or always" },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person", "--map", "justafield"], "--map 'justafield' is not FIELD=DEST_FIELD[:RULE]" },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person", "--membership", "Paid=status"], "--membership 'Paid=status' is not AUDIENCE=DEST_FIELD:VALUE_IN[:VALUE_OUT]" },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person", "--map", "a=b", "--every", "soon"], "--every 'soon' is not a duration" },
        { ["--to", "csv", "--file", "x.csv", "--kind", "person", "--map", "a=b", "--max-attempts", "0"], "--max-attempts '0' is not a number of tries" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_value_that_cannot_be_used_is_bad_input(string[] args, string error)
    {
        var result = await _workspace.RunAsync(["export", "add", "x", .. args]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain(error);
    }

    [Fact]
    public async Task The_SDK_refusals_are_bad_input_with_its_message()
    {
        await ExportData.ImportAsync(_workspace);
        var app = ExportData.CreateApp(_workspace);

        var missingFile = await ExportData.AddSqlAsync(_workspace, Path.Combine(_workspace.Folder, "none.db"), "--map", "title=title:always");
        var unknownColumn = await ExportData.AddSqlAsync(_workspace, app, "--map", "title=job_title:always");
        var unknownField = await ExportData.AddSqlAsync(_workspace, app, "--map", "shoe_size=title:always");
        var unknownAudience = await _workspace.RunAsync(
            "export", "add", "app", "--to", "sql", "--provider", "sqlite", "--connection", $"Data Source={app}", "--table", "contacts", "--key-column", "email",
            "--kind", "person", "--audience", "Nobody", "--map", "title=title:always");
        var removeWithoutAudience = await _workspace.RunAsync(
            "export", "add", "app", "--to", "sql", "--provider", "sqlite", "--connection", $"Data Source={app}", "--table", "contacts", "--key-column", "email",
            "--kind", "person", "--map", "title=title:always", "--remove-on-exit");
        var unknownExport = await _workspace.RunAsync("export", "plan", "nope");

        foreach (var result in new[] { missingFile, unknownColumn, unknownField, unknownAudience, removeWithoutAudience, unknownExport })
        {
            result.ExitCode.Should().Be(1, result.ToString());
            result.StderrLines.Should().ContainSingle();
        }

        missingFile.Stderr.Should().Contain("does not exist").And.Contain("an export writes to a table that is already there");
        unknownColumn.Stderr.Should().Contain("job_title");
        unknownField.Stderr.Should().Contain("shoe_size");
        unknownAudience.Stderr.Should().Contain("there is no audience named 'Nobody'");
        removeWithoutAudience.Stderr.Should().Contain("name an audience, or turn removing off");
        unknownExport.Stderr.Should().Contain("there is no export 'nope'");
    }

    [Fact]
    public async Task A_password_in_a_connection_string_never_reaches_stderr()
    {
        await ExportData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync(
            "export", "add", "pg", "--to", "sql", "--provider", "postgres", "--connection", "Host=127.0.0.1;Port=1;Database=app;Username=writer;Password=hunter22secret;Timeout=1",
            "--table", "contacts", "--key-column", "email", "--kind", "person", "--map", "title=title:always");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("'pg'").And.Contain("could not be reached").And.NotContain("hunter22secret");
    }

    [Fact]
    public void Destination_text_masks_tokens_secrets_and_passwords_and_keeps_key_columns()
    {
        var settings = new DestinationSettings("sql", new Dictionary<string, string>
        {
            ["connection"] = "Host=db;Username=u;Password=hunter22secret",
            ["token"] = "EAAB-very-secret",
            ["key-column"] = "email",
            ["table"] = "contacts",
        });

        DestinationText.Settings(settings).Should().Equal(
            KeyValuePair.Create("connection", "Host=db;Username=u;Password=***"),
            KeyValuePair.Create("key-column", "email"),
            KeyValuePair.Create("table", "contacts"),
            KeyValuePair.Create("token", "***"));
        DestinationText.Redact("refused EAAB-very-secret at Host=db;Username=u;Password=hunter22secret", settings)
            .Should().Be("refused *** at Host=db;Username=u;Password=***");
        DestinationText.Summary(settings).Should().NotContain("hunter22secret");
    }
}
