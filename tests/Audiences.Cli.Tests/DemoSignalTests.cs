namespace Audiences.Cli.Tests;

public sealed class DemoSignalTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Demo_watches_the_audience_for_job_moves_and_fires_for_the_title_the_search_found()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var signal = result.Json["signal"]!;
        var audience = (long)result.Json["audience"]!["id"]!;
        ((string)signal["definition"]!["name"]!).Should().Be("job-moves");
        ((string)signal["definition"]!["provider"]!).Should().Be("sample-job-change");
        ((string)signal["definition"]!["lookback"]!).Should().Be("6m");
        ((long)signal["definition"]!["audiences"]![0]!["id"]!).Should().Be(audience);
        // The audience's five people, at one credit each, within the budget of 10.
        ((long)signal["preview"]!["records"]!).Should().Be(5);
        ((decimal)signal["preview"]!["total"]!).Should().Be(5);
        var run = signal["run"]!;
        ((string)run["status"]!).Should().Be("completed");
        ((long)run["checked"]!).Should().Be(5);
        ((long)run["fired"]!).Should().Be(1);
        ((decimal)run["credits"]!).Should().Be(5);
        ((decimal)signal["budget"]!["cap"]!).Should().Be(10);
        ((decimal)signal["budget"]!["spent"]!).Should().Be(5);
        var fired = signal["fired"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)fired["name"]!).Should().Be("Priya Raman");
        ((string)fired["details"]!).Should().Be("title: VP Engineering → SVP Engineering");
        ((string)fired["at"]!).Should().NotBeNullOrEmpty();
        ((string)fired["summary"]!).Should().EndWith("job-moves: title: VP Engineering → SVP Engineering");
        var companion = signal["companion"]!;
        ((long)companion["audience"]!).Should().Be(audience);
        ((string)companion["name"]!).Should().Be("Decision makers at small companies + signal job-moves");
        ((long)companion["members"]!).Should().Be(1);
    }

    [Fact]
    public async Task Demo_text_shows_the_signal_between_the_enrichments_and_the_data_hub_which_lists_it()
    {
        var result = await _workspace.RunAsync("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var text = result.Stdout;
        var signal = text.IndexOf("Signal: 'job-moves'", StringComparison.Ordinal);
        signal.Should().BeGreaterThan(text.IndexOf("Enrichment: 'company-data'", StringComparison.Ordinal));
        text.IndexOf("Data Hub:", StringComparison.Ordinal).Should().BeGreaterThan(signal);
        text[signal..].Should().Contain("signal preview: a run checks 5 records at 1 credit each: 5 credits")
            .And.Contain("signal run:     completed (")
            .And.Contain("checked 5, fired 1, failed 0, credits 5")
            .And.Contain("Priya Raman: 20").And.Contain("title: VP Engineering → SVP Engineering")
            .And.Contain("signal_summary: 20")
            .And.Contain("companion: audience 3 'Decision makers at small companies + signal job-moves'").And.Contain("now has 1 active record.");
        text[text.IndexOf("Data Hub:", StringComparison.Ordinal)..].Should().Contain("hub signals:").And.Contain("job-moves  person").And.Contain("signal job-moves");
    }

    [Fact]
    public async Task The_demo_database_lists_the_signal_and_its_run()
    {
        (await _workspace.RunAsync("demo")).ExitCode.Should().Be(0);
        var db = Path.Combine(_workspace.Folder, "demo.db");

        var list = await CliWorkspace.RunRawAsync(["--db", db, "--json", "signal", "list"]);
        var runs = await CliWorkspace.RunRawAsync(["--db", db, "--json", "signal", "runs", "job-moves"]);
        var hub = await CliWorkspace.RunRawAsync(["--db", db, "--json", "hub", "signals"]);

        list.ExitCode.Should().Be(0, list.ToString());
        ((decimal)list.Json[0]!["budget"]!["spent"]!).Should().Be(5);
        ((long)runs.Json.AsArray().Should().ContainSingle().Subject!["fired"]!).Should().Be(1);
        ((string)hub.Json[0]!["name"]!).Should().Be("job-moves");
    }
}
