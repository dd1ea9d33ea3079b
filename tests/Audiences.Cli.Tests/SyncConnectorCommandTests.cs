using Audiences.Sdk.Testing.Fakes.HubSpot;
using Audiences.Sdk.Testing.Fakes.Salesforce;

namespace Audiences.Cli.Tests;

public sealed class SyncConnectorCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Sync_add_salesforce_saves_a_sync_incremental_every_15m_and_full_weekly_that_sync_run_runs_and_never_prints_the_token()
    {
        await using var org = await SalesforceFake.StartAsync();
        org.PollsToComplete = 1;
        org.Put("Contact", "0031", new Dictionary<string, string?> { ["Email"] = "ada@example.com", ["LastName"] = "Lovelace" }, DateTimeOffset.UtcNow.AddDays(-1));

        var add = await _workspace.RunAsync(
            "--json", "sync", "add", "sf-contacts", "--salesforce", "contact", "--instance-url", org.InstanceUrl.ToString(), "--token", org.AccessToken, "--kind", "person");
        var run = await _workspace.RunAsync("--json", "sync", "run", "sf-contacts");
        var list = await _workspace.RunAsync("sync", "list");

        add.ExitCode.Should().Be(0, add.ToString());
        ((string)add.Json["type"]!).Should().Be("salesforce");
        ((string)add.Json["object"]!).Should().Be("Contact");
        ((string)add.Json["idField"]!).Should().Be("Id");
        ((string)add.Json["timestampField"]!).Should().Be("SystemModstamp");
        ((string)add.Json["settings"]!["token"]!).Should().Be("***");
        ((string)add.Json["schedule"]!["every"]!).Should().Be("15m");
        ((string)add.Json["schedule"]!["fullEvery"]!).Should().Be("7d", "a weekly full read finds records deleted for good");
        run.ExitCode.Should().Be(0, run.ToString());
        ((long)run.Json["created"]!).Should().Be(1);
        list.Stdout.Should().Contain($"salesforce {org.InstanceUrl} Contact");
        (add.Stdout + run.Stdout + list.Stdout).Should().NotContain(org.AccessToken);
    }

    [Fact]
    public async Task Sync_add_hubspot_defaults_to_hubspots_address_and_reads_from_the_updated_at_cursor()
    {
        await using var hubspot = await HubSpotFake.StartAsync();
        hubspot.Add("companies", new Dictionary<string, string> { ["name"] = "Acme", ["domain"] = "acme.example" }, DateTimeOffset.UtcNow.AddDays(-1));

        var withDefault = await _workspace.RunAsync("--json", "sync", "add", "hs-default", "--hubspot", "contacts", "--token", "pat-secret", "--kind", "person");
        var add = await _workspace.RunAsync(
            "--json", "sync", "add", "hs-companies", "--hubspot", "companies", "--base-url", hubspot.BaseUrl.ToString(), "--token", hubspot.Token, "--kind", "company");
        var run = await _workspace.RunAsync("--json", "sync", "run", "hs-companies");

        withDefault.ExitCode.Should().Be(0, withDefault.ToString());
        withDefault.Json["settings"]!.AsObject().ContainsKey("base-url").Should().BeFalse("the source uses https://api.hubapi.com");
        withDefault.Stdout.Should().NotContain("pat-secret");
        add.ExitCode.Should().Be(0, add.ToString());
        ((string)add.Json["timestampField"]!).Should().Be("updated_at");
        ((string)add.Json["schedule"]!["every"]!).Should().Be("15m");
        ((string)add.Json["schedule"]!["fullEvery"]!).Should().Be("7d");
        run.ExitCode.Should().Be(0, run.ToString());
        ((long)run.Json["created"]!).Should().Be(1);
    }

    [Theory]
    [InlineData("A Salesforce sync also needs --instance-url and --token.", "--salesforce", "Lead")]
    [InlineData("A HubSpot sync also needs --token.", "--hubspot", "deals")]
    [InlineData("--salesforce and --hubspot are two sources", "--salesforce", "Lead", "--hubspot", "deals", "--token", "t0k")]
    [InlineData("--file belongs to a file or SQL source", "--hubspot", "deals", "--token", "t0k", "--file", "people.csv")]
    [InlineData("--id-column belongs to a file or SQL source", "--hubspot", "deals", "--token", "t0k", "--id-column", "id")]
    [InlineData("--object belongs to a file or SQL source", "--salesforce", "Lead", "--instance-url", "https://x.example", "--token", "t0k", "--object", "leads")]
    [InlineData("--instance-url belongs to --salesforce", "--hubspot", "deals", "--token", "t0k", "--instance-url", "https://x.example")]
    [InlineData("give --salesforce OBJECT or --hubspot OBJECT", "--token", "t0k", "--file", "people.csv")]
    public async Task Options_of_the_wrong_source_or_missing_ones_are_usage_errors(string message, params string[] options)
    {
        var result = await _workspace.RunAsync(["sync", "add", "crm", "--kind", "person", .. options]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(message);
        result.Stderr.Should().NotContain("t0k ");
    }
}
