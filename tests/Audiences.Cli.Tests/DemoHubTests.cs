namespace Audiences.Cli.Tests;

public sealed class DemoHubTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Demo_ends_with_the_data_hub_showing_the_edited_work_email_field()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var hub = result.Json["hub"]!;
        ((long)hub["overview"]!["people"]!).Should().Be((long)result.Json["counts"]!["person"]!);
        ((long)hub["overview"]!["enrichments"]!).Should().Be(2);
        ((long)hub["overview"]!["signals"]!).Should().Be(1);
        ((string)hub["signals"]![0]!["name"]!).Should().Be("job-moves");
        var workEmail = hub["personFields"]!.AsArray().Single(f => (string)f!["key"]! == "work_email")!;
        ((decimal)workEmail["cost"]!).Should().Be(1);
        ((string)workEmail["description"]!).Should().Contain("sample-work-email");
        ((string)workEmail["source"]!).Should().Be("enrichment");
        workEmail["enrichments"]!.AsArray().Select(n => (string)n!).Should().Equal("work-emails");
        ((long)workEmail["filled"]!).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Demo_text_ends_with_the_data_hub_section_after_the_enrichments()
    {
        var result = await _workspace.RunAsync("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var hub = result.Stdout.IndexOf("Data Hub:", StringComparison.Ordinal);
        hub.Should().BeGreaterThan(result.Stdout.IndexOf("enrich runs:", StringComparison.Ordinal));
        result.Stdout[hub..].Should().Contain("WRITTEN BY").And.Contain("enrichment work-emails").And.Contain("fields edit --kind person work_email");
    }
}
