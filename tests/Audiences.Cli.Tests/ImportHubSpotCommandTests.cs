using Audiences.Sdk.Testing.Fakes.HubSpot;

namespace Audiences.Cli.Tests;

public sealed class ImportHubSpotCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-1);

    private readonly CliWorkspace _workspace = new();
    private HubSpotFake _hubspot = null!;

    public async Task InitializeAsync() => _hubspot = await HubSpotFake.StartAsync();

    public async Task DisposeAsync()
    {
        await _hubspot.DisposeAsync();
        _workspace.Dispose();
    }

    private Task<CliResult> ImportAsync(string token, params string[] extra) => _workspace.RunAsync(
        ["import", "hubspot", "--base-url", _hubspot.BaseUrl.ToString(), "--token", token, "--object", "contacts", "--kind", "person", .. extra]);

    [Fact]
    public async Task A_first_import_reads_every_contact_and_a_second_only_from_the_cursor()
    {
        _hubspot.Add("contacts", new Dictionary<string, string> { ["email"] = "ada@example.com", ["firstname"] = "Ada" }, Start);
        _hubspot.Add("contacts", new Dictionary<string, string> { ["email"] = "bob@example.com", ["firstname"] = "Bob" }, Start.AddMinutes(1));
        _hubspot.Add("contacts", new Dictionary<string, string> { ["email"] = "cy@example.com", ["firstname"] = "Cy" }, Start.AddMinutes(2));

        var first = await ImportAsync(_hubspot.Token, "--json");
        _hubspot.Add("contacts", new Dictionary<string, string> { ["email"] = "di@example.com", ["firstname"] = "Di" }, Start.AddHours(1));
        var second = await ImportAsync(_hubspot.Token, "--json");

        first.ExitCode.Should().Be(0, first.ToString());
        ((long)first.Json["read"]!).Should().Be(3);
        ((long)first.Json["created"]!).Should().Be(3);
        ((string)first.Json["sync"]!).Should().Be("hubspot:hubspot:contacts");
        second.ExitCode.Should().Be(0, second.ToString());
        ((string)second.Json["mode"]!).Should().Be("incremental");
        ((long)second.Json["created"]!).Should().Be(1);
        ((long)second.Json["read"]!).Should().Be(2, "the search starts at the cursor: the last contact read, at it, and the new one");
        var sync = (await _workspace.RunAsync("--json", "sync", "list")).Json[0]!;
        ((string)sync["timestampField"]!).Should().Be("updated_at");
        ((string)sync["settings"]!["token"]!).Should().Be("***");
    }

    [Fact]
    public async Task A_refused_token_fails_the_import_with_exit_1_and_a_message_naming_the_token()
    {
        _hubspot.Add("contacts", new Dictionary<string, string> { ["email"] = "ada@example.com" }, Start);

        var result = await ImportAsync("pat-wrong-token");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().StartWith("error: the import failed:").And.ContainEquivalentOf("token");
        (result.Stdout + result.Stderr).Should().NotContain("pat-wrong-token");
    }

    [Fact]
    public async Task An_unknown_object_is_refused_and_a_missing_object_is_a_usage_error()
    {
        var unknown = await _workspace.RunAsync("import", "hubspot", "--token", "pat-x", "--object", "tickets", "--kind", "person");
        var missing = await _workspace.RunAsync("import", "hubspot", "--token", "pat-x", "--kind", "person");

        unknown.ExitCode.Should().Be(1, unknown.ToString());
        unknown.Stderr.Should().Contain("--object 'tickets'").And.Contain("contacts, companies, deals");
        missing.ExitCode.Should().Be(2, missing.ToString());
        missing.Stderr.Should().Contain("--object");
    }
}
