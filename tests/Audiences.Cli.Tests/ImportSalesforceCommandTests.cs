using Audiences.Sdk.Testing.Fakes.Salesforce;

namespace Audiences.Cli.Tests;

public sealed class ImportSalesforceCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddDays(-2);

    private readonly CliWorkspace _workspace = new();
    private SalesforceFake _org = null!;

    public async Task InitializeAsync()
    {
        _org = await SalesforceFake.StartAsync();
        _org.PollsToComplete = 1;
    }

    public async Task DisposeAsync()
    {
        await _org.DisposeAsync();
        _workspace.Dispose();
    }

    private void PutContact(string id, string email, DateTimeOffset at, string? title = null) =>
        _org.Put("Contact", id, new Dictionary<string, string?> { ["Email"] = email, ["FirstName"] = "F" + id, ["LastName"] = "L" + id, ["Title"] = title }, at);

    private Task<CliResult> ImportAsync(string objectName, string kind, params string[] extra) => _workspace.RunAsync(
        ["--json", "import", "salesforce", "--instance-url", _org.InstanceUrl.ToString(), "--token", _org.AccessToken, "--object", objectName, "--kind", kind, .. extra]);

    [Fact]
    public async Task A_first_import_reads_every_record_and_a_second_only_those_changed_since()
    {
        PutContact("0031", "ada@example.com", Start);
        PutContact("0032", "bo@example.com", Start.AddHours(1));
        PutContact("0033", "cy@example.com", Start.AddDays(1));

        var first = await ImportAsync("Contact", "person");
        PutContact("0031", "ada@example.com", DateTimeOffset.UtcNow.AddHours(-1), title: "CTO");
        var second = await ImportAsync("Contact", "person");

        first.ExitCode.Should().Be(0, first.ToString());
        ((long)first.Json["read"]!).Should().Be(3);
        ((long)first.Json["created"]!).Should().Be(3);
        ((string)first.Json["sync"]!).Should().Be("salesforce:salesforce:Contact");
        second.ExitCode.Should().Be(0, second.ToString());
        ((string)second.Json["mode"]!).Should().Be("incremental");
        ((long)second.Json["updated"]!).Should().Be(1);
        // The source reads back from its cursor by an overlap of 5 minutes, so the record at the cursor comes again, unchanged.
        ((long)second.Json["read"]!).Should().Be(2, "the changed contact and the one at the cursor, not the contact before it");
        _org.Queries[^1].Should().Contain("SystemModstamp >=");
        var ada = (await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "email=ada@example.com")).Json;
        ((string)ada["fields"]!["title"]!).Should().Be("CTO");
    }

    [Fact]
    public async Task A_converted_lead_joins_its_contacts_profile()
    {
        PutContact("0031", "ada@work.example", Start);
        _org.Put("Lead", "00Q1", new Dictionary<string, string?> { ["Email"] = "ada@home.example", ["FirstName"] = "Ada", ["IsConverted"] = "true", ["ConvertedContactId"] = "0031" }, Start);
        _org.Put("Lead", "00Q2", new Dictionary<string, string?> { ["Email"] = "bo@example.com", ["IsConverted"] = "false" }, Start);

        var leads = await ImportAsync("Lead", "person");
        var contacts = await ImportAsync("Contact", "person");

        leads.ExitCode.Should().Be(0, leads.ToString());
        contacts.ExitCode.Should().Be(0, contacts.ToString());
        var count = await _workspace.RunAsync("--json", "count", "--kind", "person");
        count.Stdout.Should().Contain("2", "Ada, and the lead not converted");
        var byWork = (await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "email=ada@work.example")).Json;
        var byHome = (await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "email=ada@home.example")).Json;
        ((string)byHome["id"]!).Should().Be((string)byWork["id"]!);
    }

    [Fact]
    public async Task Opportunities_land_as_related_records_of_their_accounts()
    {
        _org.Put("Account", "0011", new Dictionary<string, string?> { ["Name"] = "Acme", ["Website"] = "https://acme.example" }, Start);
        _org.Put("Opportunity", "0061", new Dictionary<string, string?> { ["Name"] = "Acme renewal", ["AccountId"] = "0011", ["Amount"] = "12000", ["StageName"] = "Prospecting" }, Start);

        var accounts = await ImportAsync("Account", "company");
        var opportunities = await ImportAsync("Opportunity", "company");

        accounts.ExitCode.Should().Be(0, accounts.ToString());
        opportunities.ExitCode.Should().Be(0, opportunities.ToString());
        ((long)opportunities.Json["rejected"]!).Should().Be(0);
        ((string)opportunities.Json["status"]!).Should().Be("succeeded");
    }

    [Fact]
    public async Task A_refused_token_fails_the_import_with_exit_1_and_never_prints_the_token()
    {
        PutContact("0031", "ada@example.com", Start);

        var result = await _workspace.RunAsync(
            "import", "salesforce", "--instance-url", _org.InstanceUrl.ToString(), "--token", "00Dwrong!token", "--object", "Contact", "--kind", "person");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().StartWith("error: the import failed:").And.Contain("INVALID_SESSION_ID", "the message says Salesforce refused the session");
        (result.Stdout + result.Stderr).Should().NotContain("00Dwrong!token");
    }

    [Fact]
    public async Task The_token_prints_as_stars_in_sync_list()
    {
        PutContact("0031", "ada@example.com", Start);
        (await ImportAsync("Contact", "person")).ExitCode.Should().Be(0);

        var list = await _workspace.RunAsync("--json", "sync", "list");

        list.Stdout.Should().NotContain(_org.AccessToken);
        ((string)list.Json[0]!["settings"]!["token"]!).Should().Be("***");
    }

    [Theory]
    [InlineData("--object", "Campaign")]
    [InlineData("--instance-url", "not-a-url")]
    public async Task A_value_the_tool_cannot_use_is_refused_with_exit_1_naming_the_option(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--instance-url"] = _org.InstanceUrl.ToString(), ["--token"] = "t0k3n", ["--object"] = "Contact", [option] = value };

        var result = await _workspace.RunAsync(["import", "salesforce", "--kind", "person", .. args.SelectMany(p => new[] { p.Key, p.Value })]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain($"{option} '{value}'");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task A_missing_token_is_a_usage_error()
    {
        var result = await _workspace.RunAsync("import", "salesforce", "--instance-url", _org.InstanceUrl.ToString(), "--object", "Contact", "--kind", "person");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("--token");
    }
}
