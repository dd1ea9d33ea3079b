namespace Audiences.Cli.Tests;

public sealed class EnrichExportRunTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Export_run_writes_each_record_with_a_column_per_value_key_to_stdout()
    {
        var runId = await RunFirmsAsync();

        var export = await EnrichData.SucceedAsync(_workspace, "enrich", "export-run", runId, "--file", "-");

        var lines = FilteredData.Lines(export.Stdout);
        lines[0].Should().Be("run_id,profile_id,outcome,provider,credits,error,employees,industry");
        lines.Should().HaveCount(4);
        lines.Skip(1).Should().OnlyContain(l => l.StartsWith($"{runId},", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains(",found,sample-company,2,,", StringComparison.Ordinal) && l.EndsWith(",240,Software", StringComparison.Ordinal));
        lines.Should().ContainSingle(l => l.Contains(",not-found,sample-company,2,,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_run_to_a_file_prints_a_summary_and_json_names_the_columns()
    {
        var runId = await RunFirmsAsync();
        var path = Path.Combine(_workspace.Folder, "run.csv");

        var text = await EnrichData.SucceedAsync(_workspace, "enrich", "export-run", runId, "--file", path);
        var json = (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "export-run", runId, "--file", path)).Json;

        text.Stdout.Should().Contain($"Wrote 3 records of run {runId} ('firms')");
        ((long)json["rows"]!).Should().Be(3);
        ((string)json["file"]!).Should().Be(path);
        json["columns"]!.AsArray().Select(c => (string)c!).Should().Equal("run_id", "profile_id", "outcome", "provider", "credits", "error", "employees", "industry");
        (await File.ReadAllLinesAsync(path)).Should().HaveCount(4);
    }

    [Fact]
    public async Task An_unknown_run_is_exit_1_and_a_bad_id_or_csv_with_json_on_stdout_are_refused()
    {
        await RunFirmsAsync();

        var unknown = await _workspace.RunAsync("enrich", "export-run", "999", "--file", "-");
        var badId = await _workspace.RunAsync("enrich", "export-run", "first", "--file", "-");
        var both = await _workspace.RunAsync("--json", "enrich", "export-run", "1", "--file", "-");
        var noFile = await _workspace.RunAsync("enrich", "export-run", "1");

        unknown.ExitCode.Should().Be(1, unknown.ToString());
        unknown.Stderr.Should().Contain("no enrichment run 999");
        badId.ExitCode.Should().Be(1, badId.ToString());
        badId.Stderr.Should().Contain("'first' is not a run id");
        both.ExitCode.Should().Be(2, both.ToString());
        noFile.ExitCode.Should().Be(2, noFile.ToString());
    }

    private async Task<string> RunFirmsAsync()
    {
        await EnrichData.ImportAsync(_workspace);
        await EnrichData.SucceedAsync(_workspace, "enrich", "add", "firms", "--provider", "sample-company", "--audience", EnrichData.CompaniesAudience,
            "--map", "employees=employees", "--map", "industry=industry");
        var run = await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "run", "firms");
        return ((long)run.Json["id"]!).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
