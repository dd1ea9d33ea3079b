using System.Net;
using Audiences.Sdk.Ads.Meta;
using Audiences.Sdk.Ads.Tests.Fakes;
using Audiences.Sdk.Destinations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Audiences.Sdk.Ads.Tests.AdWrites;

namespace Audiences.Sdk.Ads.Tests.Meta;

public sealed class MetaDestinationTests : AdDestinationSpecification<FakeMetaServer>
{
    protected override string[] ExpectedFields => ["email", "phone", "first_name", "last_name", "country", "zip"];

    protected override int ExpectedMaxBatchSize => 10_000;

    [Fact]
    public async Task Adds_post_a_multi_key_payload_of_hashed_values_with_the_token_in_the_body()
    {
        var results = await Create().WriteAsync(
        [
            Add("a", Email(" Mary@Example.com "), Phone("+1 (650) 555-1212"), First("Mary"), Last("O'Brien"), Country("US"), Zip("94025-1234")),
            Add("b", Phone("650 555 1213"), Country("us")),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        var call = Server.Received.Should().ContainSingle().Which;
        call.Remove.Should().BeFalse();
        call.Schema.Should().Equal("EMAIL", "PHONE", "FN", "LN", "COUNTRY", "ZIP");
        call.Rows[0].Should().Equal(new Dictionary<string, string>
        {
            ["EMAIL"] = Sha.Hex("mary@example.com"),
            ["PHONE"] = Sha.Hex("16505551212"),
            ["FN"] = Sha.Hex("mary"),
            ["LN"] = Sha.Hex("obrien"),
            ["COUNTRY"] = Sha.Hex("us"),
            ["ZIP"] = Sha.Hex("94025"),
        });
        call.Rows[1]["EMAIL"].Should().BeEmpty();
        call.Rows[1]["PHONE"].Should().Be(Sha.Hex("16505551213"), "the record's country reads the national number, and Meta takes it without the +");
        call.Session.Should().Match<MetaSession>(s => s.BatchSeq == 1 && s.LastBatch && s.EstimatedTotal == 2 && s.SessionId > 0);
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_schema_holds_only_the_keys_the_batch_has()
    {
        await Create().WriteAsync([Add("a", Email("a@example.com"))]);

        Server.Received.Single().Schema.Should().Equal("EMAIL");
    }

    [Fact]
    public async Task Removals_are_a_delete_with_the_same_payload()
    {
        Server.AddMember(Sha.Hex("a@example.com"));

        await Create().WriteAsync([Remove("a", Email("a@example.com"), First("Ann"))]);

        var call = Server.Received.Should().ContainSingle().Which;
        call.Remove.Should().BeTrue();
        call.Schema.Should().Equal("EMAIL", "FN");
        Server.Members.Should().BeEmpty();
    }

    [Fact]
    public async Task A_call_larger_than_the_batch_size_is_one_session_of_numbered_batches()
    {
        var writes = People(25).Concat(People(12, DestinationWriteKind.Remove, from: 100)).ToList();

        var results = await Create(null, ("batch-size", "10")).WriteAsync(writes);

        results.Should().HaveCount(37).And.OnlyContain(r => r.Succeeded);
        var adds = Server.Received.Where(c => !c.Remove).ToList();
        adds.Select(c => c.Rows.Count).Should().Equal(10, 10, 5);
        adds.Select(c => c.Session.BatchSeq).Should().Equal(1, 2, 3);
        adds.Select(c => c.Session.LastBatch).Should().Equal(false, false, true);
        adds.Select(c => c.Session.SessionId).Distinct().Should().ContainSingle();
        adds.Should().OnlyContain(c => c.Session.EstimatedTotal == 25);
        var removes = Server.Received.Where(c => c.Remove).ToList();
        removes.Select(c => c.Rows.Count).Should().Equal(10, 2);
        removes.Select(c => c.Session.BatchSeq).Should().Equal(1, 2);
        removes[0].Session.SessionId.Should().NotBe(adds[0].Session.SessionId);
        Server.OpenSessions.Should().Be(0);
        Server.Members.Should().HaveCount(25);
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_full_batch_of_ten_thousand_goes_in_one_request()
    {
        var results = await Create().WriteAsync(People(10_000));

        results.Should().HaveCount(10_000).And.OnlyContain(r => r.Succeeded);
        Server.Received.Should().ContainSingle().Which.Rows.Should().HaveCount(10_000);
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task The_token_refused_with_code_190_is_not_transient()
    {
        var write = () => Create(token: "expired").WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeFalse();
        thrown.Message.Should().Contain("refused the access token").And.Contain("code 190").And.Contain("fbtrace_id");
    }

    [Fact]
    public async Task Throttling_waits_as_long_as_the_business_use_case_header_says()
    {
        Server.FailNext(context =>
        {
            context.Response.Headers["X-Business-Use-Case-Usage"] =
                """{"1234":[{"type":"custom_audience","call_count":100,"total_cputime":20,"total_time":25,"estimated_time_to_regain_access":7}]}""";
            return FakeMetaServer.ErrorAsync(context, 400, 80003, "There have been too many calls to this ad-account.", 2446079);
        });

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeTrue();
        thrown.RetryAfter.Should().Be(TimeSpan.FromMinutes(7));
        thrown.Message.Should().Contain("throttling");
    }

    [Fact]
    public async Task Throttling_of_the_ad_account_waits_for_its_reset_time()
    {
        Server.FailNext(context =>
        {
            context.Response.Headers["X-Ad-Account-Usage"] = """{"acc_id_util_pct":100,"reset_time_duration":120,"ads_api_access_tier":"standard_access"}""";
            return FakeMetaServer.ErrorAsync(context, 400, 613, "Calls to this api have exceeded the rate limit.", 1487742);
        });

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which.RetryAfter.Should().Be(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_429_with_retry_after_waits_that_long()
    {
        Server.FailNext(context =>
        {
            context.Response.Headers.RetryAfter = "30";
            return FakeMetaServer.ErrorAsync(context, 429, 17, "User request limit reached", 2446079);
        });

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeTrue();
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_flagged_audience_refuses_every_edit_and_is_not_transient()
    {
        Server.FailNext(context => FakeMetaServer.ErrorAsync(context, 400, 100, "Invalid parameter", 1713230));

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeFalse();
        thrown.Message.Should().Contain("flagged");
    }

    [Fact]
    public async Task An_audience_that_does_not_exist_is_not_transient()
    {
        var write = () => Create(null, ("custom-audience-id", "999")).WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeFalse();
        thrown.Message.Should().Contain("code 100");
    }

    [Fact]
    public async Task A_failed_batch_mid_session_fails_the_call_and_a_retry_opens_a_new_session()
    {
        var destination = Create(null, ("batch-size", "10"));
        var writes = People(25);
        Server.FailCall(2, context => FakeMetaServer.ErrorAsync(context, 500, 2, "Service temporarily unavailable"));
        var first = () => destination.WriteAsync(writes);
        await first.Should().ThrowAsync<DestinationUnavailableException>();

        var retried = await destination.WriteAsync(writes);

        retried.Should().OnlyContain(r => r.Succeeded);
        Server.Members.Should().HaveCount(25);
        var sessions = Server.Received.GroupBy(c => c.Session.SessionId).ToList();
        sessions.Should().HaveCount(2, "the failed call's session stays open at Meta, where it expires; the retry opens its own");
        sessions[1].Select(c => c.Session.BatchSeq).Should().Equal(1, 2, 3);
        sessions[1].Last().Session.LastBatch.Should().BeTrue();
    }

    [Fact]
    public async Task Calls_go_through_the_configured_handler_and_keep_a_proxy_path()
    {
        using var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"audience_id":"1","session_id":"1","num_received":1,"num_invalid_entries":0}"""),
        });
        var factory = new MetaAudienceDestinationFactory(Options.Create(new AdPlatformOptions { HttpHandler = handler }));
        var destination = factory.Create(Settings("https://proxy.internal/graph", "token-1"));

        var results = await destination.WriteAsync([Add("a", Email("a@example.com"))]);

        results.Should().OnlyContain(r => r.Succeeded);
        handler.Requests.Should().ContainSingle().Which.Should().Be("POST https://proxy.internal/graph/v24.0/23850000000000001/users");
    }

    [Fact]
    public async Task Invalid_entries_counted_by_meta_still_answer_the_records_as_sent()
    {
        using var handler = new RecordingHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"audience_id":"1","session_id":"1","num_received":2,"num_invalid_entries":1,"invalid_entry_samples":{}}"""),
        });
        var destination = new MetaAudienceDestinationFactory(Options.Create(new AdPlatformOptions { HttpHandler = handler })).Create(Settings("https://graph.example", "t"));

        var results = await destination.WriteAsync([Add("a", Email("a@example.com")), Add("b", Email("b@example.com"))]);

        results.Should().OnlyContain(r => r.Succeeded);
    }

    [Fact]
    public async Task The_log_tells_counts_and_failures_but_never_an_identifier()
    {
        using var logs = new ListLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var factory = new MetaAudienceDestinationFactory(Options.Create(new AdPlatformOptions()), loggerFactory);
        var destination = factory.Create(Settings(Server.BaseUrl.ToString(), Server.Token));
        Server.FailCall(2, context => FakeMetaServer.ErrorAsync(context, 500, 2, "Service temporarily unavailable"));

        await destination.WriteAsync([Add("a", Email("secret.person@example.com")), Add("b", Email("nobody"))]);
        var failed = () => destination.WriteAsync([Add("a", Email("secret.person@example.com"))]);
        await failed.Should().ThrowAsync<DestinationUnavailableException>();

        logs.Lines.Should().Contain(l => l.StartsWith("Debug 4600", StringComparison.Ordinal) && l.Contains("sent 1 members to add", StringComparison.Ordinal));
        logs.Lines.Should().Contain(l => l.StartsWith("Information 4601", StringComparison.Ordinal));
        logs.Lines.Should().Contain(l => l.StartsWith("Warning 4604", StringComparison.Ordinal) && l.Contains("transient: True", StringComparison.Ordinal));
        logs.Lines.Should().NotContain(l => l.Contains("secret", StringComparison.Ordinal) || l.Contains(Sha.Hex("secret.person@example.com"), StringComparison.Ordinal) || l.Contains("nobody", StringComparison.Ordinal));
    }

    protected override FakeMetaServer NewServer() => new();

    protected override IDestination Create(string? token = null, params (string Name, string Value)[] settings) =>
        Factory().Create(Settings(Server.BaseUrl.ToString(), token ?? Server.Token, settings));

    protected override IDestination CreateAt(Uri endpoint) => Factory().Create(Settings(endpoint.ToString(), Server.Token));

    protected override string MemberId(string email) => Sha.Hex(email);

    protected override Task ServerErrorAsync(HttpContext context) => FakeMetaServer.ErrorAsync(context, 500, 2, "Service temporarily unavailable", type: "OAuthException");

    private static MetaAudienceDestinationFactory Factory() => new(Options.Create(new AdPlatformOptions()));

    private static DestinationSettings Settings(string endpoint, string token, params (string Name, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["token"] = token,
            ["endpoint"] = endpoint,
            ["ad-account"] = "act_1234",
            ["custom-audience-id"] = "23850000000000001",
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        return new DestinationSettings("meta", values);
    }
}
