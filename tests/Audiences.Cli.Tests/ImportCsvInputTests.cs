using System.Text;

namespace Audiences.Cli.Tests;

/// <summary>What new users of import csv ran into: one source of people and companies, files where every row fails, pipes.</summary>
public sealed class ImportCsvInputTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task People_and_companies_from_one_source_do_not_collide()
    {
        var people = _workspace.WriteCsv("contacts.csv", "email,name", "ada@acme.example,Ada", "grace@globex.example,Grace");
        var companies = _workspace.WriteCsv("accounts.csv", "domain,name", "acme.example,Acme", "globex.example,Globex");

        var first = await _workspace.RunAsync("--json", "import", "csv", "--kind", "person", "--source", "crm", "--file", people);
        var second = await _workspace.RunAsync("--json", "import", "csv", "--kind", "company", "--source", "crm", "--file", companies);
        var list = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "company");

        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        ((long)second.Json["created"]!).Should().Be(2);
        ((long)second.Json["rejected"]!).Should().Be(0);
        list.Json.AsArray().SelectMany(c => c!["sources"]!.AsArray()).Select(s => $"{s!["source"]}/{s["object"]}/{s["id"]}")
            .Should().Equal("crm/companies/1", "crm/companies/2");
    }

    [Fact]
    public async Task Object_rows_keeps_updating_records_imported_under_the_former_default()
    {
        var before = _workspace.WriteCsv("crm.csv", "email,title", "ada@example.com,Engineer");
        (await _workspace.RunAsync([.. PeopleFiles.Import(before), "--object", "rows"])).ExitCode.Should().Be(0);
        var after = _workspace.WriteCsv("crm.csv", "email,title", "ada@example.com,CTO");

        var again = await _workspace.RunAsync(["--json", .. PeopleFiles.Import(after), "--object", "rows"]);
        var text = await _workspace.RunAsync([.. PeopleFiles.Import(after), "--object", "rows"]);
        var list = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person");

        ((long)again.Json["updated"]!).Should().Be(1);
        ((long)again.Json["created"]!).Should().Be(0);
        text.Stdout.Should().Contain("source 'crm', object 'rows'");
        list.Json.AsArray().Should().ContainSingle().Which!["sources"]!.AsArray().Select(s => (string)s!["object"]!).Should().Equal("rows");
    }

    [Fact]
    public async Task A_blank_object_is_bad_input()
    {
        var file = _workspace.WriteCsv("crm.csv", "email", "ada@example.com");

        var result = await _workspace.RunAsync([.. PeopleFiles.Import(file), "--object", " "]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().Equal("error: --object is empty; give a name or leave the option out.");
    }

    [Fact]
    public async Task An_import_whose_every_row_is_rejected_exits_1_after_the_summary()
    {
        var file = _workspace.WriteCsv("people.csv", "email,name", "a@example.com,A,extra", "b@example.com,B,extra");

        var text = await _workspace.RunAsync(PeopleFiles.Import(file));
        var json = await _workspace.RunAsync(["--json", .. PeopleFiles.Import(file)]);

        text.ExitCode.Should().Be(1, text.ToString());
        text.Stdout.Should().Contain("read 2, created 0").And.Contain("rejected 2").And.Contain("rejected rows:");
        text.StderrLines.Should().ContainSingle().Which.Should().StartWith($"error: every row of '{file}' was rejected (2 rows); nothing was imported.");
        json.ExitCode.Should().Be(1, json.ToString());
        ((long)json.Json["rejected"]!).Should().Be(2);
        json.Json["errors"]!.AsArray().Should().HaveCount(2);
        json.StderrLines.Should().ContainSingle().Which.Should().StartWith("error: every row");
    }

    [Fact]
    public async Task A_file_with_a_header_and_no_rows_or_some_good_rows_succeeds()
    {
        var header = _workspace.WriteCsv("header.csv", "email,name");
        var some = _workspace.WriteCsv("some.csv", "email,name", "a@example.com,A,extra", "b@example.com,B");

        (await _workspace.RunAsync(PeopleFiles.Import(header))).ExitCode.Should().Be(0);
        (await _workspace.RunAsync(PeopleFiles.Import(some))).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task File_dash_reads_standard_input_once()
    {
        var csv = "email,age,vip\nada@example.com,36,true\ngrace@example.com,85,false\n";

        var result = await RunWithInputAsync(csv, "--json", "import", "csv", "--kind", "person", "--file", "-", "--source", "crm");
        var fields = await _workspace.RunAsync("--json", "fields", "--kind", "person");
        var list = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["created"]!).Should().Be(2);
        fields.Json.AsArray().Single(f => (string)f!["key"]! == "age")!["type"]!.GetValue<string>().Should().Be("number");
        list.Json.AsArray().Select(p => (string)p!["sources"]![0]!["source"]!).Should().Equal("crm", "crm");
    }

    [Fact]
    public async Task File_dash_without_a_source_is_bad_input_and_writes_nothing()
    {
        var result = await RunWithInputAsync("email\nada@example.com\n", "import", "csv", "--kind", "person", "--file", "-");

        result.ExitCode.Should().Be(1, result.ToString());
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("--file - reads standard input").And.Contain("give --source NAME");
        File.Exists(_workspace.DatabasePath).Should().BeFalse("nothing is opened before the input is known to be usable");
    }

    [Fact]
    public async Task File_dash_takes_the_source_and_names_stdin_in_errors()
    {
        var text = await RunWithInputAsync("email,name\nada@example.com,Ada\nbad@example.com,Bad,extra\n", "import", "csv", "--kind", "person", "--file", "-", "--source", "crm");
        var empty = await RunWithInputAsync(string.Empty, "import", "csv", "--kind", "person", "--file", "-", "--source", "crm");

        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Should().Contain("from 'stdin'").And.Contain("source 'crm'").And.Contain("line 3");
        empty.ExitCode.Should().Be(1, empty.ToString());
        empty.StderrLines.Should().ContainSingle().Which.Should().StartWith("error: The CSV file 'stdin' is empty.");
    }

    private Task<CliResult> RunWithInputAsync(string input, params string[] args) =>
        _workspace.RunAsync(environment => environment with { OpenInput = () => new MemoryStream(Encoding.UTF8.GetBytes(input)) }, args);
}
