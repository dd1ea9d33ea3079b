using Audiences.Sdk.Ads.Tests.Fakes;

namespace Audiences.Cli.Tests;

/// <summary><c>ads add/list/sync/status</c> against the fake Meta, Google and LinkedIn servers on 127.0.0.1.</summary>
public sealed class AdsCommandTests : IAsyncDisposable
{
    private const string MetaAccount = "act_1234";

    private readonly CliWorkspace _workspace = new();
    private readonly List<FakePlatformServer> _servers = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _workspace.Dispose();
    }

    [Fact]
    public async Task Add_stores_an_export_to_the_platform_that_creates_removes_and_always_writes_the_identifiers()
    {
        await ExportData.ImportAsync(_workspace);
        var meta = await StartAsync(new FakeMetaServer());

        var add = await AddMetaAsync(meta, "--json");

        add.ExitCode.Should().Be(0, add.ToString());
        var json = add.Json;
        ((string)json["platform"]!).Should().Be("meta");
        ((string)json["name"]!).Should().Be("meta-paid");
        ((string)json["destination"]!["settings"]!["token"]!).Should().Be("***");
        ((string)json["destination"]!["settings"]!["ad-account"]!).Should().Be(MetaAccount);
        ((string)json["destination"]!["settings"]!["custom-audience-id"]!).Should().Be(meta.AudienceId);
        ((bool)json["create_new"]!).Should().BeTrue();
        ((bool)json["remove_on_exit"]!).Should().BeTrue();
        ((string)json["audience"]!["name"]!).Should().Be(ExportData.PaidAudience);
        json["mappings"]!.AsArray().Select(m => $"{m!["field"]}>{m["destination_field"]}:{m["rule"]}")
            .Should().Equal("email>email:always", "phone>phone:always", "first_name>first_name:always", "last_name>last_name:always");
        add.Stdout.Should().NotContain(meta.Token);
    }

    [Fact]
    public async Task Sync_adds_the_members_then_removes_the_one_who_left_and_status_shows_the_last_sync()
    {
        await ExportData.ImportAsync(_workspace);
        var meta = await StartAsync(new FakeMetaServer());
        (await AddMetaAsync(meta)).ExitCode.Should().Be(0);

        var first = await EnrichData.SucceedAsync(_workspace, "--json", "ads", "sync", "meta-paid");
        var afterFirst = meta.Members.Count;
        await ExportData.DowngradeAdaAsync(_workspace);
        var second = await EnrichData.SucceedAsync(_workspace, "ads", "sync", "meta-paid");
        var status = await EnrichData.SucceedAsync(_workspace, "--json", "ads", "status", "meta-paid");
        var statusText = await EnrichData.SucceedAsync(_workspace, "ads", "status", "meta-paid");

        ((long)first.Json["added"]!).Should().Be(2);
        ((long)first.Json["removed"]!).Should().Be(0);
        ((long)first.Json["failed"]!).Should().Be(0);
        ((string)first.Json["status"]!).Should().Be("completed");
        afterFirst.Should().Be(2);
        second.Stdout.Should().Contain("Ad audience 'meta-paid' (meta), run 2: completed, 0 added, 1 removed, 0 failed");
        meta.Members.Should().HaveCount(1, "Ada left Paid and was removed");
        meta.Violations.Should().BeEmpty();
        status.Json.AsObject().Select(p => p.Key).Should().Equal("name", "platform", "audience", "settings", "every", "last_run", "failures");
        ((long)status.Json["last_run"]!["removed"]!).Should().Be(1);
        ((string)status.Json["settings"]!["token"]!).Should().Be("***");
        status.Json["failures"]!.AsArray().Should().BeEmpty();
        statusText.Stdout.Should().Contain("Last sync: run 2").And.Contain("1 removed").And.Contain("No member's last send failed.");
    }

    [Fact]
    public async Task Google_and_LinkedIn_audiences_sync_through_their_own_settings()
    {
        await ExportData.ImportAsync(_workspace);
        var google = await StartAsync(new FakeGoogleServer());
        var linkedIn = await StartAsync(new FakeLinkedInServer());

        var addGoogle = await _workspace.RunAsync(
            "ads", "add", "google-paid", "--platform", "google", "--audience", ExportData.PaidAudience, "--token", google.Token,
            "--endpoint", google.BaseUrl.ToString(), "--operating-account", google.OperatingAccount, "--user-list", google.UserList);
        var addLinkedIn = await _workspace.RunAsync(
            "--json", "ads", "add", "linkedin-paid", "--platform", "linkedin", "--audience", ExportData.PaidAudience, "--token", linkedIn.Token,
            "--endpoint", linkedIn.BaseUrl.ToString(), "--ad-account", "5005", "--segment", linkedIn.Segment);
        var syncGoogle = await EnrichData.SucceedAsync(_workspace, "--json", "ads", "sync", "google-paid");
        var syncLinkedIn = await EnrichData.SucceedAsync(_workspace, "--json", "ads", "sync", "linkedin-paid");

        addGoogle.ExitCode.Should().Be(0, addGoogle.ToString());
        addLinkedIn.ExitCode.Should().Be(0, addLinkedIn.ToString());
        addLinkedIn.Json["mappings"]!.AsArray().Select(m => (string)m!["field"]!).Should().NotContain("phone", "LinkedIn takes no phone numbers");
        ((long)syncGoogle.Json["added"]!).Should().Be(2);
        ((long)syncLinkedIn.Json["added"]!).Should().Be(2);
        google.Members.Should().HaveCount(2);
        linkedIn.Members.Should().HaveCount(2);
        google.Violations.Should().BeEmpty();
        linkedIn.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task List_shows_only_the_ad_audiences_with_their_accounts_and_no_token()
    {
        await ExportData.ImportAsync(_workspace);
        var meta = await StartAsync(new FakeMetaServer());
        (await AddMetaAsync(meta)).ExitCode.Should().Be(0);
        (await ExportData.AddSqlAsync(_workspace, ExportData.CreateApp(_workspace), ExportData.Mappings)).ExitCode.Should().Be(0);

        var json = await EnrichData.SucceedAsync(_workspace, "--json", "ads", "list");
        var text = await EnrichData.SucceedAsync(_workspace, "ads", "list");
        var exports = await EnrichData.SucceedAsync(_workspace, "--json", "export", "list");

        var item = json.Json.AsArray().Should().ContainSingle().Subject!;
        ((string)item["name"]!).Should().Be("meta-paid");
        ((string)item["destination"]!["settings"]!["token"]!).Should().Be("***");
        text.Stdout.Should().Contain("meta-paid").And.Contain("meta").And.Contain($"ad-account={MetaAccount}").And.Contain("never").And.NotContain(meta.Token);
        exports.Json.AsArray().Select(e => (string)e!["name"]!).Should().Equal("app", "meta-paid");
        exports.Stdout.Should().NotContain(meta.Token);
    }

    [Fact]
    public async Task A_sync_to_an_unreachable_endpoint_exits_1_naming_it_and_status_lists_the_failures()
    {
        await ExportData.ImportAsync(_workspace);
        var meta = await StartAsync(new FakeMetaServer());
        var endpoint = meta.BaseUrl.ToString();
        (await AddMetaAsync(meta)).ExitCode.Should().Be(0);
        await meta.DisposeAsync();

        var sync = await _workspace.RunAsync("--json", "ads", "sync", "meta-paid");
        var status = await EnrichData.SucceedAsync(_workspace, "--json", "ads", "status", "meta-paid");

        sync.ExitCode.Should().Be(1, sync.ToString());
        ((long)sync.Json["failed"]!).Should().Be(2);
        ((long)sync.Json["added"]!).Should().Be(0);
        sync.Stderr.Should().Contain("error: export 'meta-paid': 2 records failed (first: Meta could not be reached at").And.Contain(endpoint).And.Contain("'ads status meta-paid'");
        var failure = status.Json["failures"]!.AsArray().First()!;
        ((string)failure["reason"]!).Should().Contain("could not be reached");
        failure["retry_at"].Should().NotBeNull("an unreachable platform is tried again");
    }

    [Fact]
    public async Task A_refused_token_fails_every_member_without_printing_the_token()
    {
        await ExportData.ImportAsync(_workspace);
        var meta = await StartAsync(new FakeMetaServer());
        var add = await _workspace.RunAsync(
            "ads", "add", "meta-paid", "--platform", "meta", "--audience", ExportData.PaidAudience, "--token", "wrong-token-value",
            "--endpoint", meta.BaseUrl.ToString(), "--ad-account", MetaAccount, "--custom-audience-id", meta.AudienceId);

        var sync = await _workspace.RunAsync("ads", "sync", "meta-paid");
        var status = await EnrichData.SucceedAsync(_workspace, "ads", "status", "meta-paid");

        add.ExitCode.Should().Be(0, "the token is only checked by the platform");
        sync.ExitCode.Should().Be(1, sync.ToString());
        sync.Stderr.Should().Contain("2 records failed").And.NotContain("wrong-token-value");
        status.Stdout.Should().Contain("2 members whose last send failed").And.NotContain("wrong-token-value");
        meta.Members.Should().BeEmpty();
    }

    public static TheoryData<string[], int, string> AddErrors() => new()
    {
        { ["--platform", "meta", "--ad-account", "act_1"], 2, "--platform meta also needs --custom-audience-id." },
        { ["--platform", "google", "--operating-account", "1", "--user-list", "2", "--segment", "3"], 2, "--segment is not an option of --platform google" },
        { ["--platform", "linkedin", "--ad-account", "1"], 2, "--platform linkedin also needs --segment." },
        { ["--platform", "tiktok", "--ad-account", "1"], 1, "--platform 'tiktok' is not an ad platform this tool knows" },
        { ["--platform", "meta", "--ad-account", "not-a-number", "--custom-audience-id", "2"], 1, "setting 'ad-account' is 'not-a-number'" },
        { ["--platform", "meta", "--ad-account", "act_1", "--custom-audience-id", "2", "--endpoint", "ftp://x"], 1, "no http or https URL" },
    };

    [Theory]
    [MemberData(nameof(AddErrors))]
    public async Task Add_refuses_missing_foreign_and_unusable_platform_options(string[] args, int exitCode, string error)
    {
        await ExportData.ImportAsync(_workspace);

        var result = await _workspace.RunAsync(["ads", "add", "x", "--audience", ExportData.PaidAudience, "--token", "secret-token-1", .. args]);

        result.ExitCode.Should().Be(exitCode, result.ToString());
        result.Stderr.Should().Contain(error).And.NotContain("secret-token-1");
    }

    [Fact]
    public async Task Ads_commands_refuse_an_export_that_is_no_ad_audience_and_an_unknown_name()
    {
        await ExportData.ImportAsync(_workspace);
        (await ExportData.AddSqlAsync(_workspace, ExportData.CreateApp(_workspace), ExportData.Mappings)).ExitCode.Should().Be(0);

        var sync = await _workspace.RunAsync("ads", "sync", "app");
        var status = await _workspace.RunAsync("ads", "status", "nope");

        sync.ExitCode.Should().Be(1);
        sync.Stderr.Should().Contain("'app' is an export to sql, not an ad audience");
        status.ExitCode.Should().Be(1);
        status.Stderr.Should().Contain("there is no ad audience 'nope'");
    }

    private Task<CliResult> AddMetaAsync(FakeMetaServer meta, params string[] more) =>
        _workspace.RunAsync([
            "ads", "add", "meta-paid", "--platform", "meta", "--audience", ExportData.PaidAudience, "--token", meta.Token,
            "--endpoint", meta.BaseUrl.ToString(), "--ad-account", MetaAccount, "--custom-audience-id", meta.AudienceId, .. more]);

    private async Task<T> StartAsync<T>(T server)
        where T : FakePlatformServer
    {
        _servers.Add(server);
        await server.StartAsync();
        return server;
    }
}
