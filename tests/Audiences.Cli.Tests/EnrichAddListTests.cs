namespace Audiences.Cli.Tests;

public sealed class EnrichAddListTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Add_stores_the_enrichment_with_its_budget_and_the_first_audience_kind()
    {
        await EnrichData.ImportAsync(_workspace);

        var add = await EnrichData.AddEmailsAsync(_workspace, "--json", "--budget", "12.5", "--every", "1d", "--continuous");

        add.ExitCode.Should().Be(0, add.ToString());
        var json = add.Json;
        ((string)json["name"]!).Should().Be("emails");
        ((string)json["kind"]!).Should().Be("person");
        json["providers"]!.AsArray().Select(p => (string)p!).Should().Equal("sample-work-email");
        json["audiences"]!.AsArray().Select(a => (long)a!).Should().Equal(1);
        json["mappings"]!.AsArray().Select(m => (string)m!).Should().Equal("work_email=work_email");
        ((string)json["schedule"]!["every"]!).Should().Be("1d");
        ((bool)json["continuous"]!).Should().BeTrue();
        ((decimal)json["budget"]!["cap"]!).Should().Be(12.5m);
        ((decimal)json["budget"]!["spent"]!).Should().Be(0);
    }

    [Fact]
    public async Task Add_in_text_names_the_providers_in_waterfall_order_and_the_budget()
    {
        await EnrichData.ImportAsync(_workspace);

        var add = await _workspace.RunAsync(
            "enrich", "add", "firms", "--provider", "sample-company", "--audience", "2", "--map", "employees=employees", "--map", "industry=industry", "--cron", "0 0 1 * *");

        add.ExitCode.Should().Be(0, add.ToString());
        add.Stdout.Should().Contain("Saved enrichment 'firms' (company, sample-company, cron \"0 0 1 * *\")")
            .And.Contain("Writes: employees=employees, industry=industry.")
            .And.Contain("Budget: no cap, spent 0");
    }

    [Fact]
    public async Task List_shows_every_enrichment_with_its_mappings_schedule_and_budget()
    {
        await EnrichData.ImportAsync(_workspace);
        (await EnrichData.AddEmailsAsync(_workspace, "--budget", "3", "--gate", "work_email is not empty")).ExitCode.Should().Be(0);
        await EnrichData.SucceedAsync(_workspace, "enrich", "add", "firms", "--provider", "sample-company", "--audience", EnrichData.CompaniesAudience,
            "--map", "employees=employees", "--every", "12h");

        var text = await EnrichData.SucceedAsync(_workspace, "enrich", "list");
        var json = await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "list");

        text.Stdout.Should().Contain("NAME").And.Contain("BUDGET CAP").And.Contain("emails").And.Contain("firms")
            .And.Contain("work_email=work_email").And.Contain("work_email is not empty").And.Contain("every 12h").And.Contain("by hand");
        json.Json.AsArray().Select(e => (string)e!["name"]!).Should().Equal("emails", "firms");
        ((decimal)json.Json[0]!["budget"]!["cap"]!).Should().Be(3);
        ((string)json.Json[0]!["gate"]!).Should().Be("work_email is not empty");
        json.Json[1]!["budget"]!["cap"].Should().BeNull();
        ((string)json.Json[1]!["kind"]!).Should().Be("company");
    }

    [Fact]
    public async Task List_without_enrichments_says_how_to_add_one()
    {
        await EnrichData.ImportAsync(_workspace);

        var list = await EnrichData.SucceedAsync(_workspace, "enrich", "list");
        var json = await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "list");

        list.Stdout.Should().Contain("No enrichments yet");
        json.Json.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_map_an_enrichment_needs_a_registered_action_and_the_sdk_says_so()
    {
        await EnrichData.ImportAsync(_workspace);

        var bare = await _workspace.RunAsync("enrich", "add", "ping", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience);
        var unknown = await _workspace.RunAsync("enrich", "add", "ping", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, "--action", "enrol");

        bare.ExitCode.Should().Be(1, bare.ToString());
        bare.Stderr.Should().Contain("maps no output and names no action");
        unknown.ExitCode.Should().Be(1, unknown.ToString());
        unknown.Stderr.Should().Contain("'enrol', which is not registered");
    }

    [Fact]
    public async Task An_action_only_enrichment_enrols_what_it_finds_in_the_sample_sequence_and_writes_nothing()
    {
        await EnrichData.ImportAsync(_workspace);

        var add = await _workspace.RunAsync("enrich", "add", "outreach", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, "--action", "sample-sequence");
        var run = await _workspace.RunAsync("--json", "enrich", "run", "outreach");

        add.ExitCode.Should().Be(0, add.ToString());
        run.ExitCode.Should().Be(0, run.ToString());
        ((long)run.Json["written"]!).Should().Be(0);
        var lines = File.ReadAllLines(Path.Combine(_workspace.Folder, "sequence.csv"));
        lines[0].Should().Be("profile_id,found");
        lines.Skip(1).Should().HaveCount(EnrichData.People).And.Contain(l => l.EndsWith(",work_email=ada.lovelace@brightlane.io", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Add_and_run_list_their_warnings_in_json_none_within_the_sample_sequence_cap()
    {
        await EnrichData.ImportAsync(_workspace);

        var add = await _workspace.RunAsync("--json", "enrich", "add", "outreach", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, "--action", "sample-sequence");
        var run = await _workspace.RunAsync("--json", "enrich", "run", "outreach");
        var text = await _workspace.RunAsync("enrich", "run", "outreach", "--force");

        add.ExitCode.Should().Be(0, add.ToString());
        add.Json["warnings"]!.AsArray().Should().BeEmpty("five people fit the 50,000 rows sample-sequence takes");
        run.Json["warnings"]!.AsArray().Should().BeEmpty();
        ((long)run.Json["heldBack"]!).Should().Be(0);
        text.Stdout.Should().NotContain("warning:").And.NotContain("held back");
    }

    [Fact]
    public async Task Add_on_an_existing_name_replaces_the_whole_definition_and_keeps_its_runs()
    {
        await EnrichData.ImportAsync(_workspace);
        await EnrichData.SucceedAsync(_workspace, "enrich", "add", "emails", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, "--map", "work_email=work_email", "--continuous");
        await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");

        var again = await _workspace.RunAsync("--json", "enrich", "add", "emails", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, "--map", "work_email=work_email");
        var runs = await _workspace.RunAsync("--json", "enrich", "runs", "emails");

        again.ExitCode.Should().Be(0, again.ToString());
        ((bool)again.Json["continuous"]!).Should().BeFalse("an option not given again is reset");
        runs.Json.AsArray().Should().HaveCount(1, "the runs stay");
    }

    [Fact]
    public async Task Edit_changes_only_the_options_given_and_keeps_the_runs()
    {
        await EnrichData.ImportAsync(_workspace);
        await EnrichData.SucceedAsync(_workspace, "enrich", "add", "emails", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, "--map", "work_email=work_email", "--every", "1d", "--continuous");
        await EnrichData.SucceedAsync(_workspace, "enrich", "run", "emails");

        var edit = await _workspace.RunAsync("--json", "enrich", "edit", "emails", "--continuous", "false", "--gate", "work_email is not empty");
        var missing = await _workspace.RunAsync("enrich", "edit", "nobody", "--continuous");
        var runs = await _workspace.RunAsync("--json", "enrich", "runs", "emails");

        edit.ExitCode.Should().Be(0, edit.ToString());
        ((bool)edit.Json["continuous"]!).Should().BeFalse();
        ((string)edit.Json["gate"]!).Should().Be("work_email is not empty");
        ((string)edit.Json["schedule"]!["every"]!).Should().Be("1d", "what is not given stays");
        edit.Json["mappings"]!.AsArray().Select(m => (string)m!).Should().Equal("work_email=work_email");
        edit.Json["warnings"]!.AsArray().Should().BeEmpty();
        missing.ExitCode.Should().Be(1, missing.ToString());
        runs.Json.AsArray().Should().HaveCount(1, "the runs stay");
    }

    [Fact]
    public async Task Unknown_audiences_and_providers_are_refused_with_exit_1()
    {
        await EnrichData.ImportAsync(_workspace);

        var audience = await _workspace.RunAsync("enrich", "add", "x", "--provider", "sample-work-email", "--audience", "Nobody", "--map", "work_email=work_email");
        var audienceId = await _workspace.RunAsync("enrich", "add", "x", "--provider", "sample-work-email", "--audience", "99", "--map", "work_email=work_email");
        var provider = await _workspace.RunAsync("enrich", "add", "x", "--provider", "no-such-provider", "--audience", EnrichData.PeopleAudience, "--map", "work_email=work_email");

        audience.ExitCode.Should().Be(1, audience.ToString());
        audience.Stderr.Should().Contain("no audience named 'Nobody'");
        audienceId.ExitCode.Should().Be(1, audienceId.ToString());
        audienceId.Stderr.Should().Contain("no audience with id 99");
        provider.ExitCode.Should().Be(1, provider.ToString());
        provider.Stderr.Should().Contain("no-such-provider");
        provider.Stdout.Should().BeEmpty();
        (await EnrichData.SucceedAsync(_workspace, "--json", "enrich", "list")).Json.AsArray().Should().BeEmpty();
    }

    [Theory]
    [InlineData("--gate", "nonsense ===", "quality gate that is not a usable filter")]
    [InlineData("--gate", "no_such_field > 3", "Unknown field 'no_such_field'")]
    [InlineData("--kind", "company", "is for company profiles, but 'sample-work-email' enriches person profiles")]
    [InlineData("--provider", "sample-company", "mixes kinds")]
    public async Task Definitions_the_sdk_refuses_exit_1_with_its_message(string option, string value, string message)
    {
        await EnrichData.ImportAsync(_workspace);

        var add = await EnrichData.AddEmailsAsync(_workspace, option, value);

        add.ExitCode.Should().Be(1, add.ToString());
        add.Stderr.Should().Contain(message);
        add.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("nope=work_email", "does not give")]
    [InlineData("work_email=Work-Email", "is not a field key")]
    public async Task Mappings_the_sdk_refuses_exit_1_with_its_message(string map, string message)
    {
        await EnrichData.ImportAsync(_workspace);

        var add = await _workspace.RunAsync("enrich", "add", "x", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, "--map", map);

        add.ExitCode.Should().Be(1, add.ToString());
        add.Stderr.Should().Contain(message);
    }

    [Theory]
    [InlineData("--map", "work_email", "is not a mapping")]
    [InlineData("--map", "=work_email", "is not a mapping")]
    [InlineData("--budget", "-1", "is not a credit amount")]
    [InlineData("--budget", "lots", "is not a credit amount")]
    [InlineData("--every", "1w", "is not a duration")]
    [InlineData("--every", "0d", "is not a duration")]
    [InlineData("--cron", "every day", "is not a cron expression")]
    public async Task Unusable_values_are_bad_input_with_exit_1(string option, string value, string message)
    {
        await EnrichData.ImportAsync(_workspace);

        var add = await _workspace.RunAsync("enrich", "add", "x", "--provider", "sample-work-email", "--audience", EnrichData.PeopleAudience, option, value);

        add.ExitCode.Should().Be(1, add.ToString());
        add.Stderr.Should().Contain($"{option} '{value}' {message}");
        add.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        await EnrichData.ImportAsync(_workspace);

        var noProvider = await _workspace.RunAsync("enrich", "add", "x", "--audience", EnrichData.PeopleAudience);
        var noAudience = await _workspace.RunAsync("enrich", "add", "x", "--provider", "sample-work-email");
        var twoClocks = await EnrichData.AddEmailsAsync(_workspace, "--every", "1d", "--cron", "0 0 * * *");
        var noCredits = await _workspace.RunAsync("enrich", "budget", "emails");

        noProvider.ExitCode.Should().Be(2, noProvider.ToString());
        noAudience.ExitCode.Should().Be(2, noAudience.ToString());
        twoClocks.ExitCode.Should().Be(2, twoClocks.ToString());
        twoClocks.Stderr.Should().Contain("--every and --cron");
        noCredits.ExitCode.Should().Be(2, noCredits.ToString());
    }
}
