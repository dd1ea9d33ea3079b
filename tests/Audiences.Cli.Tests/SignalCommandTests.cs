namespace Audiences.Cli.Tests;

public sealed class SignalCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Add_stores_the_signal_with_its_companion_audience_fields_and_budget()
    {
        await SignalData.ImportAsync(_workspace);

        var add = await SignalData.AddJobMovesAsync(_workspace, "--json", "--lookback", "6m", "--every", "1d", "--budget", "10");

        add.ExitCode.Should().Be(0, add.ToString());
        var json = add.Json;
        ((string)json["name"]!).Should().Be("job-moves");
        ((string)json["kind"]!).Should().Be("person", "the kind is the provider's");
        ((string)json["type"]!).Should().Be("job-change");
        ((string)json["provider"]!).Should().Be(SignalData.Provider);
        ((long)json["audiences"]![0]!["id"]!).Should().Be(1);
        ((string)json["audiences"]![0]!["name"]!).Should().Be(SignalData.PeopleAudience);
        ((string)json["lookback"]!).Should().Be("6m");
        ((string)json["every"]!).Should().Be("1d");
        ((decimal)json["budget"]!["cap"]!).Should().Be(10);
        ((decimal)json["budget"]!["spent"]!).Should().Be(0);
        var companion = json["companions"]!.AsArray().Should().ContainSingle().Subject!;
        ((long)companion["audience"]!).Should().Be(1);
        ((long)companion["id"]!).Should().Be(3);
        ((string)companion["name"]!).Should().Be("Everyone + signal job-moves");
        ((string)json["fields"]!["time"]!).Should().Be("signal_job_moves");
        ((string)json["fields"]!["details"]!).Should().Be("signal_job_moves_details");
        ((string)json["fields"]!["summary"]!).Should().Be("signal_summary");
        json["last_run"].Should().BeNull();
    }

    [Fact]
    public async Task Add_in_text_names_the_companion_the_fields_and_the_budget_and_looks_back_three_months_by_default()
    {
        await SignalData.ImportAsync(_workspace);

        var add = await SignalData.AddJobMovesAsync(_workspace);

        add.ExitCode.Should().Be(0, add.ToString());
        add.Stdout.Should().Contain("Saved signal 'job-moves' (person, job-change, sample-job-change, looks back 3 months, by hand).")
            .And.Contain("Watches: audience 1 'Everyone'.")
            .And.Contain("Companion: audience 3 'Everyone + signal job-moves'")
            .And.Contain("Fields: signal_job_moves (when), signal_job_moves_details (what happened), signal_summary")
            .And.Contain("Budget: no cap, spent 0");
    }

    [Fact]
    public async Task Preview_counts_the_audience_members_at_one_credit_each()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace, "--budget", "10")).ExitCode.Should().Be(0);

        var json = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "preview", "job-moves");
        var text = await EnrichData.SucceedAsync(_workspace, "signal", "preview", "job-moves");

        ((long)json.Json["records"]!).Should().Be(SignalData.People);
        ((decimal)json.Json["cost_per_record"]!).Should().Be(1);
        ((decimal)json.Json["total"]!).Should().Be(SignalData.People);
        json.Json.AsObject().Select(p => p.Key).Should().Equal("signal", "records", "cost_per_record", "total");
        text.Stdout.Should().Contain("Signal 'job-moves': a run checks 3 records at 1 credit each: 3 credits.")
            .And.Contain("Budget: cap 10, spent 0, reserved 0, available 10.");
    }

    [Fact]
    public async Task Run_checks_every_member_fires_for_the_changed_title_and_fills_the_companion()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace)).ExitCode.Should().Be(0);

        var run = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "run", "job-moves");
        var members = await EnrichData.SucceedAsync(_workspace, "--json", "audience", "members", "3");

        ((long)run.Json["id"]!).Should().Be(1);
        ((string)run.Json["status"]!).Should().Be("completed");
        ((string)run.Json["trigger"]!).Should().Be("manual");
        ((long)run.Json["checked"]!).Should().Be(3);
        ((long)run.Json["fired"]!).Should().Be(1);
        ((long)run.Json["failed"]!).Should().Be(0);
        ((decimal)run.Json["credits"]!).Should().Be(3);
        run.Json["errors"]!.AsArray().Should().BeEmpty();
        ((long)run.Json["companions"]![0]!["members"]!).Should().Be(1);
        var ada = members.Json["profiles"]!.AsArray().Should().ContainSingle().Subject!;
        ((string)ada["fields"]!["first_name"]!).Should().Be("Ada");
        ((string)ada["fields"]!["signal_job_moves_details"]!).Should().Be("title: Engineer → CTO");
        ((string)ada["fields"]!["signal_job_moves"]!).Should().NotBeNullOrEmpty();
        ((string)ada["fields"]!["signal_summary"]!).Should().EndWith("job-moves: title: Engineer → CTO");
    }

    [Fact]
    public async Task Run_in_text_prints_the_counts_and_the_companion_and_a_second_run_fires_nothing_new()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace)).ExitCode.Should().Be(0);

        var first = await EnrichData.SucceedAsync(_workspace, "signal", "run", "job-moves");
        var second = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "run", "job-moves");

        first.Stdout.Should().Contain("Signal 'job-moves', run 1:").And.Contain("completed (")
            .And.Contain("checked 3, fired 1, failed 0, credits 3")
            .And.Contain("companion audience 3 'Everyone + signal job-moves': 1 active record");
        ((long)second.Json["checked"]!).Should().Be(3, "each check is paid again");
        ((long)second.Json["fired"]!).Should().Be(0, "nothing changed since the last check");
    }

    [Fact]
    public async Task A_run_that_reaches_the_budget_reports_it_and_exits_zero()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace, "--budget", "2")).ExitCode.Should().Be(0);

        var run = await _workspace.RunAsync("--json", "signal", "run", "job-moves");
        var text = await _workspace.RunAsync("signal", "run", "job-moves");

        run.ExitCode.Should().Be(0, run.ToString());
        ((string)run.Json["status"]!).Should().Be("budget-reached");
        ((long)run.Json["checked"]!).Should().Be(2);
        ((decimal)run.Json["credits"]!).Should().Be(2);
        text.ExitCode.Should().Be(0, text.ToString());
        text.Stdout.Should().Contain("budget-reached").And.Contain("signal budget job-moves --cap CREDITS");
    }

    [Fact]
    public async Task Budget_raises_the_cap_so_the_next_run_checks_the_rest()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace, "--budget", "2")).ExitCode.Should().Be(0);
        await EnrichData.SucceedAsync(_workspace, "signal", "run", "job-moves");

        var budget = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "budget", "job-moves", "--cap", "10");
        var shown = await EnrichData.SucceedAsync(_workspace, "signal", "budget", "job-moves");
        var run = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "run", "job-moves");

        ((decimal)budget.Json["cap"]!).Should().Be(10);
        ((decimal)budget.Json["spent"]!).Should().Be(2);
        ((decimal)budget.Json["available"]!).Should().Be(8);
        shown.Stdout.Should().Contain("Signal 'job-moves': cap 10, spent 2, reserved 0, available 8.");
        ((string)run.Json["status"]!).Should().Be("completed");
        ((long)run.Json["checked"]!).Should().Be(3, "the record never checked from the look-back and the two checked since their last check");
    }

    [Fact]
    public async Task List_shows_each_signal_with_its_budget_and_last_run()
    {
        await SignalData.ImportAsync(_workspace);
        var empty = await EnrichData.SucceedAsync(_workspace, "signal", "list");
        (await SignalData.AddJobMovesAsync(_workspace, "--lookback", "12m", "--every", "12h", "--budget", "10")).ExitCode.Should().Be(0);
        await EnrichData.SucceedAsync(_workspace, "signal", "run", "job-moves");

        var text = await EnrichData.SucceedAsync(_workspace, "signal", "list");
        var json = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "list");

        empty.Stdout.Should().Contain("No signals yet");
        text.Stdout.Should().Contain("NAME").And.Contain("LOOK-BACK").And.Contain("SPENT/CAP").And.Contain("job-moves").And.Contain("job-change")
            .And.Contain("Everyone (#1)").And.Contain("12m").And.Contain("12h").And.Contain("3/10").And.Contain("completed 20");
        var signal = json.Json.AsArray().Should().ContainSingle().Subject!;
        ((string)signal["name"]!).Should().Be("job-moves");
        ((decimal)signal["budget"]!["spent"]!).Should().Be(3);
        ((long)signal["last_run"]!["fired"]!).Should().Be(1);
        ((string)signal["last_run"]!["status"]!).Should().Be("completed");
    }

    [Fact]
    public async Task Runs_lists_the_runs_newest_first()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace)).ExitCode.Should().Be(0);
        var none = await EnrichData.SucceedAsync(_workspace, "signal", "runs", "job-moves");
        await EnrichData.SucceedAsync(_workspace, "signal", "run", "job-moves");
        await EnrichData.SucceedAsync(_workspace, "signal", "run", "job-moves");

        var json = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "runs", "job-moves");
        var limited = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "runs", "job-moves", "--limit", "1");
        var text = await EnrichData.SucceedAsync(_workspace, "signal", "runs", "job-moves");

        none.Stdout.Should().Contain("has not run yet");
        json.Json.AsArray().Select(r => (long)r!["id"]!).Should().Equal(2, 1);
        json.Json.AsArray().Select(r => (long)r!["fired"]!).Should().Equal(0, 1);
        limited.Json.AsArray().Should().ContainSingle();
        text.Stdout.Should().Contain("CHECKED").And.Contain("FIRED").And.Contain("completed");
    }

    [Fact]
    public async Task Remove_drops_the_signal_and_keeps_its_companion_audience()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace)).ExitCode.Should().Be(0);

        var remove = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "remove", "job-moves");
        var again = await _workspace.RunAsync("signal", "remove", "job-moves");
        var list = await EnrichData.SucceedAsync(_workspace, "--json", "signal", "list");
        var audiences = await EnrichData.SucceedAsync(_workspace, "--json", "audience", "list");

        ((string)remove.Json["removed"]!).Should().Be("job-moves");
        again.ExitCode.Should().Be(1, again.ToString());
        again.Stderr.Should().Contain("there is no signal 'job-moves'");
        list.Json.AsArray().Should().BeEmpty();
        audiences.Stdout.Should().Contain("Everyone + signal job-moves");
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("run")]
    [InlineData("runs")]
    [InlineData("budget")]
    public async Task An_unknown_signal_exits_1_naming_it(string command)
    {
        await SignalData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("signal", command, "nobody");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("there is no signal 'nobody'; 'signal list' shows the signals there are.");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unknown_provider_exits_1_with_the_registered_ones()
    {
        await SignalData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("signal", "add", "x", "--type", "job-change", "--provider", "nope", "--audience", SignalData.PeopleAudience);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("'nope'").And.Contain("sample-job-change");
    }

    [Fact]
    public async Task An_audience_of_the_other_kind_exits_1_naming_the_audience()
    {
        await SignalData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("signal", "add", "x", "--type", "job-change", "--provider", SignalData.Provider, "--audience", SignalData.CompaniesAudience);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("audience 2 'Firms' holds company profiles");
    }

    [Fact]
    public async Task A_type_the_provider_does_not_detect_exits_1()
    {
        await SignalData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("signal", "add", "x", "--type", "funding", "--provider", SignalData.Provider, "--audience", SignalData.PeopleAudience);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("'sample-job-change' detects job-change events");
    }

    [Fact]
    public async Task An_unknown_audience_exits_1()
    {
        await SignalData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("signal", "add", "x", "--type", "job-change", "--provider", SignalData.Provider, "--audience", "Nobody");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("there is no audience named 'Nobody'");
    }

    [Theory]
    [InlineData("--lookback", "5m", "--lookback '5m' is not a look-back; give 3m, 6m or 12m")]
    [InlineData("--type", "weather", "--type 'weather' is not a signal type; give job-change, funding, hiring-spike or custom")]
    [InlineData("--every", "soon", "--every 'soon' is not a duration")]
    [InlineData("--budget", "lots", "--budget 'lots' is not a credit amount")]
    public async Task A_bad_value_exits_1_naming_the_option(string option, string value, string message)
    {
        await SignalData.ImportAsync(_workspace);
        string[] args = ["signal", "add", "x", "--type", "job-change", "--provider", SignalData.Provider, "--audience", SignalData.PeopleAudience];
        args = option == "--type" ? [.. args[..3], "--type", value, .. args[5..]] : [.. args, option, value];

        var result = await _workspace.RunAsync(args);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain(message);
    }

    [Fact]
    public async Task A_bad_name_exits_1_with_the_sdk_rule()
    {
        await SignalData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync("signal", "add", "9lives", "--type", "job-change", "--provider", SignalData.Provider, "--audience", SignalData.PeopleAudience);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("'9lives' cannot name a signal");
    }

    [Theory]
    [InlineData("--type")]
    [InlineData("--provider")]
    [InlineData("--audience")]
    public async Task Add_without_a_required_option_is_a_usage_error(string missing)
    {
        await SignalData.ImportAsync(_workspace);
        var args = new List<string> { "signal", "add", "x" };
        foreach (var (option, value) in new[] { ("--type", "job-change"), ("--provider", SignalData.Provider), ("--audience", SignalData.PeopleAudience) })
        {
            if (option != missing)
            {
                args.AddRange([option, value]);
            }
        }

        var result = await _workspace.RunAsync([.. args]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"Option '{missing}' is required.");
    }

    [Fact]
    public async Task Budget_with_a_bad_cap_exits_1_and_without_a_name_is_a_usage_error()
    {
        await SignalData.ImportAsync(_workspace);
        (await SignalData.AddJobMovesAsync(_workspace)).ExitCode.Should().Be(0);

        var bad = await _workspace.RunAsync("signal", "budget", "job-moves", "--cap", "-3");
        var usage = await _workspace.RunAsync("signal", "budget");

        bad.ExitCode.Should().Be(1, bad.ToString());
        bad.Stderr.Should().Contain("--cap '-3' is not a credit amount");
        usage.ExitCode.Should().Be(2, usage.ToString());
    }
}
