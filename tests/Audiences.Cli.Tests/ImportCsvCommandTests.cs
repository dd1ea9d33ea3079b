using System.Text.Json.Nodes;

namespace Audiences.Cli.Tests;

public sealed class ImportCsvCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Json_output_has_the_counts_and_the_rejected_rows()
    {
        var file = _workspace.WriteCsv(
            "people.csv",
            "email,name",
            "ada@example.com,Ada",
            "grace@example.com,Grace,extra",
            "ADA@example.com,Ada Lovelace");

        var result = await _workspace.RunAsync(["--json", .. PeopleFiles.Import(file)]);

        result.ExitCode.Should().Be(0, result.ToString());
        var json = result.Json.AsObject();
        json.Select(p => p.Key).Should().Equal("read", "created", "updated", "unchanged", "merged", "probabilisticMerged", "queuedForReview", "rejected", "errors");
        ((long)json["read"]!).Should().Be(3);
        ((long)json["created"]!).Should().Be(1);
        ((long)json["updated"]!).Should().Be(1);
        ((long)json["unchanged"]!).Should().Be(0);
        ((long)json["merged"]!).Should().Be(0);
        ((long)json["rejected"]!).Should().Be(1);
        var error = json["errors"]!.AsArray().Should().ContainSingle().Subject!.AsObject();
        error.Select(p => p.Key).Should().Equal("line", "field", "message");
        ((long)error["line"]!).Should().Be(3);
        ((string)error["message"]!).Should().Contain("values");
    }

    [Fact]
    public async Task Json_output_is_the_only_thing_on_stdout()
    {
        var file = _workspace.WriteCsv("people.csv", "email", "a@example.com", "b@example.com", "c@example.com");

        using var stderr = new StringWriter();
        var result = await CliWorkspace.RunRawAsync(
            ["--db", _workspace.DatabasePath, "--json", .. PeopleFiles.Import(file), "--batch-size", "1"], TimeSpan.Zero, stderr);

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json.Should().BeOfType<JsonObject>();
        result.Stderr.Should().BeEmpty("--json suppresses progress");
    }

    [Fact]
    public async Task Reimporting_the_same_file_creates_nothing()
    {
        var file = PeopleFiles.Crm(_workspace);
        (await _workspace.RunAsync(["--json", .. PeopleFiles.CrmImport(file)])).ExitCode.Should().Be(0);

        var again = await _workspace.RunAsync(["--json", .. PeopleFiles.CrmImport(file)]);

        again.ExitCode.Should().Be(0, again.ToString());
        ((long)again.Json["created"]!).Should().Be(0);
        ((long)again.Json["updated"]!).Should().Be(0);
        ((long)again.Json["unchanged"]!).Should().Be(3);
    }

    [Fact]
    public async Task Human_output_summarizes_the_import()
    {
        var file = PeopleFiles.Crm(_workspace);

        var result = await _workspace.RunAsync(PeopleFiles.CrmImport(file));

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("source 'crm'").And.Contain("read 3, created 3, updated 0, unchanged 0, merged 0, rejected 0");
    }

    [Fact]
    public async Task Source_and_match_options_reach_the_records()
    {
        var file = _workspace.WriteCsv("accounts.csv", "account,website,name", "A1,https://www.acme.example/,Acme", "A2,ACME.example,Acme Inc");

        var result = await _workspace.RunAsync(
            "--json", "import", "csv", "--kind", "company", "--file", file, "--source", "crm", "--id-column", "account", "--map", "website=domain", "--match", "domain");
        var list = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "company");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["created"]!).Should().Be(1);
        ((long)result.Json["updated"]!).Should().Be(1);
        var company = list.Json.AsArray().Should().ContainSingle().Subject!;
        company["aliases"]!["domain"]!.AsArray().Select(v => (string)v!).Should().Equal("acme.example");
        company["sources"]!.AsArray().Select(s => $"{s!["source"]}/{s["object"]}/{s["id"]}").Should().Equal("crm/companies/A1", "crm/companies/A2");
    }

    [Fact]
    public async Task Source_kind_crm_outranks_a_later_csv_file()
    {
        var crm = _workspace.WriteCsv("crm.csv", "email,title", "ada@example.com,CTO");
        var sheet = _workspace.WriteCsv("sheet.csv", "email,title", "ada@example.com,Engineer");

        (await _workspace.RunAsync([.. PeopleFiles.Import(crm), "--source-kind", "crm"])).ExitCode.Should().Be(0);
        (await _workspace.RunAsync(PeopleFiles.Import(sheet))).ExitCode.Should().Be(0);
        var list = await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person");

        var person = list.Json.AsArray().Should().ContainSingle().Subject!;
        ((string)person["fields"]!["title"]!).Should().Be("CTO");
    }

    [Fact]
    public async Task Progress_goes_to_stderr_with_a_rate()
    {
        var file = _workspace.WriteCsv("people.csv", "email", "a@example.com", "b@example.com", "c@example.com");

        var result = await CliWorkspace.RunRawAsync(["--db", _workspace.DatabasePath, .. PeopleFiles.Import(file), "--batch-size", "1"], TimeSpan.Zero);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StderrLines.Should().HaveCount(3).And.AllSatisfy(l => l.Should().Contain("rows/s"));
        result.Stdout.Should().NotContain("rows/s");
    }

    [Fact]
    public async Task Ctrl_c_stops_between_batches_and_reports_what_was_committed()
    {
        var rows = Enumerable.Range(1, 50).Select(i => $"person{i}@example.com");
        var file = _workspace.WriteCsv("people.csv", ["email", .. rows]);
        using var cancellation = new CancellationTokenSource();

        // Cancels as soon as the first batch's progress line is written, as a Ctrl+C during the import would.
        using var stderr = new CancellingWriter(cancellation, "rows/s");
        var result = await CliWorkspace.RunRawAsync(
            ["--db", _workspace.DatabasePath, .. PeopleFiles.Import(file), "--batch-size", "10"], TimeSpan.Zero, stderr, cancellation.Token);

        result.ExitCode.Should().Be(130, result.ToString());
        result.StderrLines.Last().Should().StartWith("cancelled: 10 rows").And.Contain("1 batches");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("10");
    }
}
