namespace Audiences.Cli.Tests;

public sealed class HubCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Hub_json_counts_records_fields_enrichments_and_signals()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace)).ExitCode.Should().Be(0);

        var result = await _workspace.RunAsync("--json", "hub");

        result.ExitCode.Should().Be(0, result.ToString());
        var hub = result.Json.AsObject();
        ((long)hub["people"]!).Should().Be(EnrichData.People);
        ((long)hub["companies"]!).Should().Be(3);
        ((long)hub["fields"]!["person"]!).Should().Be(4, "email, first_name, last_name and company_domain");
        ((long)hub["fields"]!["company"]!).Should().Be(2, "domain and name");
        ((long)hub["enrichments"]!).Should().Be(1);
        ((long)hub["signals"]!).Should().Be(0, "the CLI registers no signal service");
    }

    [Fact]
    public async Task Hub_human_output_is_one_table()
    {
        await EnrichData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("hub");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain("PEOPLE").And.Contain("COMPANY FIELDS");
    }

    [Fact]
    public async Task Hub_fields_json_gives_fill_rate_source_cost_and_the_enrichments_writing_a_field()
    {
        await EnrichData.ImportAsync(_workspace);
        await EnrichData.AddEmailsAsync(_workspace);
        await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");

        var result = await _workspace.RunAsync("--json", "hub", "fields", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        var fields = result.Json.AsArray().Select(f => f!.AsObject()).ToDictionary(f => (string)f["key"]!);
        fields["email"].Select(p => p.Key).Should().Equal(
            "key", "displayName", "description", "type", "source", "cost", "export", "filled", "records", "fillRate", "enrichments", "signals");
        ((long)fields["email"]["filled"]!).Should().Be(5);
        ((double)fields["email"]["fillRate"]!).Should().Be(1);
        ((string)fields["email"]["source"]!).Should().Be("people");
        fields["work_email"]["enrichments"]!.AsArray().Select(n => (string)n!).Should().Equal("emails");
        ((string)fields["work_email"]["source"]!).Should().Be("enrichment");
        fields["work_email"]["cost"].Should().BeNull();
    }

    [Fact]
    public async Task Hub_enrichments_json_gives_spend_last_run_audiences_and_fields()
    {
        await EnrichData.ImportAsync(_workspace);
        await EnrichData.AddEmailsAsync(_workspace);
        await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");

        var result = await _workspace.RunAsync("--json", "hub", "enrichments");

        result.ExitCode.Should().Be(0, result.ToString());
        var emails = result.Json.AsArray().Should().ContainSingle().Subject!.AsObject();
        ((string)emails["name"]!).Should().Be("emails");
        ((decimal)emails["budget"]!["spent"]!).Should().BeGreaterThan(0);
        ((decimal)emails["budget"]!["held"]!).Should().Be(0);
        ((string)emails["lastRun"]!["status"]!).Should().Be("completed");
        ((string)emails["audiences"]![0]!["name"]!).Should().Be(EnrichData.PeopleAudience);
        emails["fields"]!.AsArray().Select(n => (string)n!).Should().Equal("work_email");
    }

    [Fact]
    public async Task Hub_signals_without_a_signal_service_lists_none()
    {
        await EnrichData.ImportAsync(_workspace);

        var json = await _workspace.RunAsync("--json", "hub", "signals");
        var text = await _workspace.RunAsync("hub", "signals");

        json.ExitCode.Should().Be(0, json.ToString());
        json.Json.AsArray().Should().BeEmpty();
        text.Stdout.Should().Contain("No signals yet.");
    }

    [Fact]
    public async Task Fields_edit_changes_the_settings_shown_by_hub_fields()
    {
        await EnrichData.ImportAsync(_workspace);

        var edit = await _workspace.RunAsync(
            "--json", "fields", "edit", "--kind", "person", "company_domain", "--description", "Web domain of the employer", "--display-name", "Company domain",
            "--cost", "0.5", "--export", "on");
        var fields = await _workspace.RunAsync("--json", "hub", "fields", "--kind", "person");

        edit.ExitCode.Should().Be(0, edit.ToString());
        ((string)edit.Json["description"]!).Should().Be("Web domain of the employer");
        var domain = fields.Json.AsArray().Select(f => f!.AsObject()).Single(f => (string)f["key"]! == "company_domain");
        ((string)domain["displayName"]!).Should().Be("Company domain");
        ((decimal)domain["cost"]!).Should().Be(0.5m);
        ((string)domain["export"]!).Should().Be("on");
    }

    [Fact]
    public async Task Fields_edit_with_none_and_empty_clears_cost_and_description()
    {
        await EnrichData.ImportAsync(_workspace);
        await EnrichData.SucceedAsync(_workspace, "fields", "edit", "--kind", "person", "email", "--description", "x", "--cost", "2");

        var result = await _workspace.RunAsync("--json", "fields", "edit", "--kind", "person", "email", "--description", "", "--cost", "none");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["description"].Should().BeNull();
        result.Json["cost"].Should().BeNull();
    }

    [Fact]
    public async Task Fields_edit_of_an_unknown_field_exits_1_naming_it()
    {
        await EnrichData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("fields", "edit", "--kind", "company", "first_name", "--description", "x");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("no company field 'first_name'");
    }

    [Theory]
    [InlineData("--cost", "-1", "--cost")]
    [InlineData("--cost", "cheap", "--cost")]
    [InlineData("--export", "maybe", "--export")]
    [InlineData("--display-name", " ", "display name")]
    public async Task Fields_edit_with_a_bad_value_exits_1_naming_the_setting(string option, string value, string named)
    {
        await EnrichData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("fields", "edit", "--kind", "person", "email", option, value);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain(named);
    }

    [Fact]
    public async Task Fields_edit_with_nothing_to_change_is_a_usage_error()
    {
        await EnrichData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("fields", "edit", "--kind", "person", "email");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("nothing to change");
    }
}
