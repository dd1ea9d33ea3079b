using System.Text.Json.Nodes;
using Audiences.Sdk.Ads.Google;
using Audiences.Sdk.Ads.Tests.Fakes;
using Audiences.Sdk.Destinations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static Audiences.Sdk.Ads.Tests.AdWrites;

namespace Audiences.Sdk.Ads.Tests.Google;

public sealed class GoogleDestinationTests : AdDestinationSpecification<FakeGoogleServer>
{
    protected override string[] ExpectedFields => ["email", "phone", "first_name", "last_name", "country", "zip"];

    protected override int ExpectedMaxBatchSize => 10_000;

    [Fact]
    public async Task Adds_are_an_ingest_request_naming_the_destination_with_hex_identifiers()
    {
        var results = await Create(null, ("login-account", "111-222-3333"), ("consent", "granted")).WriteAsync(
        [
            Add("a", Email("Jefferson.Loves.Hiking+ads@gmail.com"), Phone("1 800 555 0100"), First("Mrs. Mary"), Last("Smith Jr."), Country("us"), Zip(" 94045 ")),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        var body = Server.Received.Should().ContainSingle().Which.Body;
        JsonNode.DeepEquals(body, JsonNode.Parse($$"""
            {
              "destinations": [{
                "operatingAccount": { "accountType": "GOOGLE_ADS", "accountId": "1234567890" },
                "loginAccount": { "accountType": "GOOGLE_ADS", "accountId": "1112223333" },
                "productDestinationId": "9876543"
              }],
              "audienceMembers": [{
                "userData": {
                  "userIdentifiers": [
                    { "emailAddress": "{{Sha.Hex("jeffersonloveshiking@gmail.com")}}" },
                    { "phoneNumber": "{{Sha.Hex("+18005550100")}}" },
                    { "address": { "givenName": "{{Sha.Hex("mary")}}", "familyName": "{{Sha.Hex("smith")}}", "regionCode": "US", "postalCode": "94045" } }
                  ]
                }
              }],
              "encoding": "HEX",
              "consent": { "adUserData": "CONSENT_GRANTED", "adPersonalization": "CONSENT_GRANTED" }
            }
            """)).Should().BeTrue(body.ToJsonString());
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task Removals_are_a_remove_request_without_consent()
    {
        Server.AddMember(Sha.Hex("a@example.com"));

        await Create(null, ("consent", "denied")).WriteAsync([Remove("a", Email("a@example.com"))]);

        var call = Server.Received.Should().ContainSingle().Which;
        call.Remove.Should().BeTrue();
        call.Body.ContainsKey("consent").Should().BeFalse();
        call.Body.ContainsKey("loginAccount").Should().BeFalse();
        Server.Members.Should().BeEmpty();
    }

    [Fact]
    public async Task An_address_is_sent_only_whole_and_alone_it_identifies_the_person()
    {
        var results = await Create().WriteAsync(
        [
            Add("whole", First("Alex"), Last("Quinn"), Country("GB"), Zip("SW1A 1AA")),
            Add("partial", First("Alex"), Last("Quinn"), Country("GB")),
        ]);

        results.Single(r => r.Key == "whole").Succeeded.Should().BeTrue();
        results.Single(r => r.Key == "partial").Error.Should().Contain("first name, last name, country and zip together");
        Server.Members.Should().Equal($"address:{Sha.Hex("alex")}:{Sha.Hex("quinn")}:GB:SW1A 1AA");
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_member_google_rejects_fails_alone_and_the_rest_are_sent_again()
    {
        Server.Reject(Sha.Hex("bad@example.com"));

        var results = await Create().WriteAsync([Add("a", Email("a@example.com")), Add("bad", Email("bad@example.com")), Add("c", Email("c@example.com"))]);

        var bad = results.Single(r => r.Key == "bad");
        bad.Succeeded.Should().BeFalse();
        bad.Retryable.Should().BeFalse();
        bad.Error.Should().Contain("Google rejected the member").And.Contain("INVALID_SHA256_FORMAT");
        results.Where(r => r.Key != "bad").Should().OnlyContain(r => r.Succeeded);
        Server.Members.Should().BeEquivalentTo(Sha.Hex("a@example.com"), Sha.Hex("c@example.com"));
        Server.Calls.Should().Be(2);
    }

    [Fact]
    public async Task A_call_larger_than_the_batch_size_is_split()
    {
        var results = await Create(null, ("batch-size", "10")).WriteAsync(People(25));

        results.Should().OnlyContain(r => r.Succeeded);
        Server.Received.Select(c => c.Body["audienceMembers"]!.AsArray().Count).Should().Equal(10, 10, 5);
        Server.Members.Should().HaveCount(25);
    }

    [Fact]
    public async Task Resource_exhausted_waits_for_the_retry_delay_google_gives()
    {
        Server.FailNext(context => FakeGoogleServer.ErrorAsync(context, 429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Ingest requests'.", new JsonObject
        {
            ["@type"] = "type.googleapis.com/google.rpc.RetryInfo",
            ["retryDelay"] = "42s",
        }));

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeTrue();
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(42));
        thrown.Message.Should().Contain("RESOURCE_EXHAUSTED");
    }

    [Fact]
    public async Task Resource_exhausted_with_a_retry_after_header_waits_that_long()
    {
        Server.FailNext(context =>
        {
            context.Response.Headers.RetryAfter = "15";
            return FakeGoogleServer.ErrorAsync(context, 429, "RESOURCE_EXHAUSTED", "Quota exceeded.");
        });

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_user_list_the_token_cannot_reach_is_not_transient()
    {
        var write = () => Create(null, ("user-list", "5")).WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeFalse();
        thrown.Message.Should().Contain("PERMISSION_DENIED").And.Contain("user list 5");
    }

    [Fact]
    public async Task A_refused_request_that_names_no_member_fails_the_call()
    {
        Server.FailNext(context => FakeGoogleServer.ErrorAsync(context, 400, "INVALID_ARGUMENT", "Invalid product destination."));

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which.Transient.Should().BeFalse();
    }

    protected override FakeGoogleServer NewServer() => new();

    protected override IDestination Create(string? token = null, params (string Name, string Value)[] settings) =>
        Factory().Create(Settings(Server.BaseUrl.ToString(), token ?? Server.Token, settings));

    protected override IDestination CreateAt(Uri endpoint) => Factory().Create(Settings(endpoint.ToString(), Server.Token));

    protected override string MemberId(string email) => Sha.Hex(email);

    protected override Task ServerErrorAsync(HttpContext context) => FakeGoogleServer.ErrorAsync(context, 503, "UNAVAILABLE", "The service is currently unavailable.");

    private static GoogleAudienceDestinationFactory Factory() => new(Options.Create(new AdPlatformOptions { DefaultPhoneRegion = "US" }));

    private static DestinationSettings Settings(string endpoint, string token, params (string Name, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["token"] = token,
            ["endpoint"] = endpoint,
            ["operating-account"] = "123-456-7890",
            ["user-list"] = "9876543",
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        return new DestinationSettings("google", values);
    }
}
