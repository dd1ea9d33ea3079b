using Audiences.Sdk.Testing.Fakes.HubSpot;
using Audiences.Sdk.Testing.Fakes.Salesforce;

namespace Audiences.Cli.Tests;

/// <summary><c>export add --to salesforce|hubspot</c> and <c>export run</c> against the fakes: the records the CRM ends up holding.</summary>
public sealed class ExportCrmCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task An_export_to_hubspot_keyed_by_email_creates_the_members_contacts()
    {
        await using var hubspot = await HubSpotFake.StartAsync();
        await ExportData.ImportAsync(_workspace);

        var add = await _workspace.RunAsync(
            "--json", "export", "add", "hs", "--to", "hubspot", "--base-url", hubspot.BaseUrl.ToString(), "--token", hubspot.Token, "--object", "contacts", "--key", "email",
            "--kind", "person", "--audience", ExportData.PaidAudience, "--create", "--map", "first_name=firstname:always", "--map", "title=jobtitle:always");
        var run = await EnrichData.SucceedAsync(_workspace, "--json", "export", "run", "hs");
        var list = await _workspace.RunAsync("export", "list");

        add.ExitCode.Should().Be(0, add.ToString());
        ((string)add.Json["destination"]!["settings"]!["token"]!).Should().Be("***");
        ((string)add.Json["destination"]!["settings"]!["key"]!).Should().Be("email", "a record key names a field and is no secret");
        ((long)run.Json["failed"]!).Should().Be(0, run.ToString());
        ((long)run.Json["created"]!).Should().BeGreaterThan(0);
        var ada = hubspot.Records("contacts").Should().ContainSingle(r => r.Properties["email"] == "ada@home.example").Subject;
        ada.Properties["firstname"].Should().Be("Ada");
        ada.Properties["jobtitle"].Should().Be("CTO");
        (add.Stdout + run.Stdout + list.Stdout).Should().NotContain(hubspot.Token);
    }

    [Fact]
    public async Task An_export_to_hubspot_writes_a_property_the_portal_defined_beyond_the_standard_ones()
    {
        await using var hubspot = await HubSpotFake.StartAsync();
        hubspot.DefineProperties("contacts", "plan_tier");
        await ExportData.ImportAsync(_workspace);

        (await _workspace.RunAsync(
            "export", "add", "hs", "--to", "hubspot", "--base-url", hubspot.BaseUrl.ToString(), "--token", hubspot.Token, "--object", "contacts", "--key", "email",
            "--kind", "person", "--audience", ExportData.PaidAudience, "--create", "--map", "plan=plan_tier:always")).ExitCode.Should().Be(0);
        var run = await EnrichData.SucceedAsync(_workspace, "--json", "export", "run", "hs");

        ((long)run.Json["failed"]!).Should().Be(0, run.ToString());
        hubspot.Records("contacts").Should().ContainSingle(r => r.Properties["email"] == "ada@home.example")
            .Which.Properties["plan_tier"].Should().Be("paid");
    }

    [Fact]
    public async Task An_export_to_salesforce_keyed_by_the_imported_record_id_updates_the_contact()
    {
        await using var org = await SalesforceFake.StartAsync();
        org.PollsToComplete = 1;
        await ExportData.ImportAsync(_workspace);
        org.Put("Contact", "0031", new Dictionary<string, string?> { ["Email"] = "ada@home.example", ["LastName"] = "Lovelace" }, DateTimeOffset.UtcNow.AddDays(-1));
        (await _workspace.RunAsync("import", "salesforce", "--instance-url", org.InstanceUrl.ToString(), "--token", org.AccessToken, "--object", "Contact", "--kind", "person"))
            .ExitCode.Should().Be(0);

        var add = await _workspace.RunAsync(
            "--json", "export", "add", "sf", "--to", "salesforce", "--instance-url", org.InstanceUrl.ToString(), "--token", org.AccessToken, "--object", "Contact",
            "--kind", "person", "--key-source", "salesforce", "--map", "title=Title:always", "--map", "phone=Phone:if-empty");
        add.ExitCode.Should().Be(0, add.ToString());
        var run = await EnrichData.SucceedAsync(_workspace, "--json", "export", "run", "sf");

        add.ExitCode.Should().Be(0, add.ToString());
        ((string)add.Json["destination"]!["settings"]!["token"]!).Should().Be("***");
        ((long)run.Json["failed"]!).Should().Be(0, run.ToString());
        ((long)run.Json["updated"]!).Should().Be(1);
        var contact = org.Find("Contact", "0031")!;
        contact["Title"].Should().Be("CTO");
        contact["Phone"].Should().Be("+44 20 7946 0018");
        (add.Stdout + run.Stdout).Should().NotContain(org.AccessToken);
    }

    [Fact]
    public async Task A_refused_token_fails_the_export_run_with_exit_1_and_a_masked_message()
    {
        await using var hubspot = await HubSpotFake.StartAsync();
        await ExportData.ImportAsync(_workspace);
        (await _workspace.RunAsync(
            "export", "add", "hs", "--to", "hubspot", "--base-url", hubspot.BaseUrl.ToString(), "--token", "pat-refused-token", "--object", "contacts", "--key", "email",
            "--kind", "person", "--create", "--map", "first_name=firstname:always")).ExitCode.Should().Be(0);

        var run = await _workspace.RunAsync("export", "run", "hs");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Stderr.Should().Contain("error:");
        (run.Stdout + run.Stderr).Should().NotContain("pat-refused-token");
        hubspot.Records("contacts").Should().BeEmpty();
    }

    [Theory]
    [InlineData("--to salesforce also needs --instance-url, --object.", "--to", "salesforce", "--token", "t0k")]
    [InlineData("--to hubspot also needs --token.", "--to", "hubspot", "--object", "contacts")]
    [InlineData("--to hubspot does not take --file", "--to", "hubspot", "--token", "t0k", "--object", "contacts", "--file", "x.csv")]
    [InlineData("--to salesforce does not take --base-url", "--to", "salesforce", "--instance-url", "https://x.example", "--token", "t0k", "--object", "Contact", "--base-url", "https://y.example")]
    [InlineData("--token, --object belong to --to salesforce or hubspot", "--to", "csv", "--file", "x.csv", "--token", "t0k", "--object", "Contact")]
    public async Task Misplaced_or_missing_destination_options_are_usage_errors(string message, params string[] options)
    {
        var result = await _workspace.RunAsync(["export", "add", "crm", "--kind", "person", "--map", "email=email:always", .. options]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain(message);
    }
}
