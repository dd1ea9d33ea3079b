using System.Text.Json.Nodes;
using Audiences.Sdk.Ads.LinkedIn;
using Audiences.Sdk.Ads.Tests.Fakes;
using Audiences.Sdk.Destinations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static Audiences.Sdk.Ads.Tests.AdWrites;

namespace Audiences.Sdk.Ads.Tests.LinkedIn;

public sealed class LinkedInDestinationTests : AdDestinationSpecification<FakeLinkedInServer>
{
    protected override string[] ExpectedFields => ["email", "first_name", "last_name", "title", "company", "country"];

    protected override int ExpectedMaxBatchSize => 5_000;

    [Fact]
    public async Task Adds_and_removals_go_together_as_one_batch_create_of_hashed_emails_and_plain_names()
    {
        Server.AddMember(Sha.Hex("old@example.com"));

        var results = await Create().WriteAsync(
        [
            Add("a", Email(" Dana@Example.com "), First("Dana"), Last("Scully"), ("title", "Agent"), ("company", "FBI"), Country("us")),
            Remove("b", Email("old@example.com")),
        ]);

        results.Should().OnlyContain(r => r.Succeeded);
        var body = Server.Received.Should().ContainSingle().Which;
        JsonNode.DeepEquals(body, JsonNode.Parse($$"""
            {
              "elements": [
                {
                  "action": "ADD",
                  "userIds": [{ "idType": "SHA256_EMAIL", "idValue": "{{Sha.Hex("dana@example.com")}}" }],
                  "firstName": "Dana", "lastName": "Scully", "title": "Agent", "company": "FBI", "country": "US"
                },
                { "action": "REMOVE", "userIds": [{ "idType": "SHA256_EMAIL", "idValue": "{{Sha.Hex("old@example.com")}}" }] }
              ]
            }
            """)).Should().BeTrue(body.ToJsonString());
        Server.Members.Should().Equal(Sha.Hex("dana@example.com"));
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task A_person_without_an_email_is_sent_by_name()
    {
        var results = await Create().WriteAsync([Add("a", First("Fox"), Last("Mulder"))]);

        results.Should().OnlyContain(r => r.Succeeded);
        Server.Members.Should().Equal("name:Fox:Mulder");
        Server.Violations.Should().BeEmpty();
    }

    [Fact]
    public async Task An_element_linkedin_rejects_fails_alone()
    {
        Server.Reject(Sha.Hex("bad@example.com"));

        var results = await Create().WriteAsync([Add("a", Email("a@example.com")), Add("bad", Email("bad@example.com"))]);

        results.Single(r => r.Key == "a").Succeeded.Should().BeTrue();
        var bad = results.Single(r => r.Key == "bad");
        bad.Error.Should().Be("LinkedIn rejected the member (status 400): The user could not be processed");
        bad.Retryable.Should().BeFalse();
        Server.Members.Should().Equal(Sha.Hex("a@example.com"));
    }

    [Fact]
    public async Task An_element_answered_429_or_5xx_may_be_retried()
    {
        Server.FailNext(context => FakeLinkedInServerAnswers(context, 201, 429, 503));

        var results = await Create().WriteAsync(People(4));

        results.Select(r => (r.Key, r.Succeeded, r.Retryable)).Should().Equal(("p0", true, true), ("p1", false, true), ("p2", false, true), ("p3", false, true));
        results[3].Error.Should().Be("LinkedIn gave no status for this member.");
    }

    [Fact]
    public async Task A_429_waits_for_retry_after()
    {
        Server.FailNext(context =>
        {
            context.Response.Headers.RetryAfter = "60";
            return FakeLinkedInServer.ErrorAsync(context, 429, "TOO_MANY_REQUESTS", "Resource level throttle limit exceeded");
        });

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeTrue();
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(60));
        thrown.Message.Should().Contain("Resource level throttle limit exceeded (TOO_MANY_REQUESTS)");
    }

    [Fact]
    public async Task A_missing_permission_is_not_transient()
    {
        Server.FailNext(context => FakeLinkedInServer.ErrorAsync(context, 403, "ACCESS_DENIED", "Not enough permissions to access: dmpSegments"));

        var write = () => Create().WriteAsync([Add("a", Email("a@example.com"))]);

        var thrown = (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which;
        thrown.Transient.Should().BeFalse();
        thrown.Message.Should().Contain("permissions");
    }

    [Fact]
    public async Task A_segment_that_does_not_exist_is_not_transient()
    {
        var write = () => Create(null, ("segment", "urn:li:dmpSegment:1")).WriteAsync([Add("a", Email("a@example.com"))]);

        (await write.Should().ThrowAsync<DestinationUnavailableException>()).Which.Transient.Should().BeFalse();
    }

    [Fact]
    public async Task A_call_larger_than_the_batch_size_is_split()
    {
        var results = await Create(null, ("batch-size", "2")).WriteAsync(People(5));

        results.Should().OnlyContain(r => r.Succeeded);
        Server.Received.Select(b => b["elements"]!.AsArray().Count).Should().Equal(2, 2, 1);
    }

    [Fact]
    public async Task A_long_name_is_cut_to_35_characters()
    {
        var results = await Create().WriteAsync([Add("a", First(new string('x', 50)), Last("Mulder"))]);

        results.Should().OnlyContain(r => r.Succeeded);
        Server.Received.Single()["elements"]![0]!["firstName"]!.GetValue<string>().Should().HaveLength(35);
        Server.Violations.Should().BeEmpty();
    }

    protected override FakeLinkedInServer NewServer() => new();

    protected override IDestination Create(string? token = null, params (string Name, string Value)[] settings) =>
        Factory().Create(Settings(Server.BaseUrl.ToString(), token ?? Server.Token, settings));

    protected override IDestination CreateAt(Uri endpoint) => Factory().Create(Settings(endpoint.ToString(), Server.Token));

    protected override string MemberId(string email) => Sha.Hex(email);

    protected override Task ServerErrorAsync(HttpContext context) => FakeLinkedInServer.ErrorAsync(context, 500, "INTERNAL_SERVER_ERROR", "Internal Server Error");

    private static Task FakeLinkedInServerAnswers(HttpContext context, params int[] statuses)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(new JsonObject { ["elements"] = new JsonArray(statuses.Select(s => (JsonNode)new JsonObject { ["status"] = s }).ToArray()) }.ToJsonString());
    }

    private static LinkedInAudienceDestinationFactory Factory() => new(Options.Create(new AdPlatformOptions()));

    private static DestinationSettings Settings(string endpoint, string token, params (string Name, string Value)[] extra)
    {
        var values = new Dictionary<string, string>
        {
            ["token"] = token,
            ["endpoint"] = endpoint,
            ["ad-account"] = "urn:li:sponsoredAccount:507000",
            ["segment"] = "104000",
        };
        foreach (var (name, value) in extra)
        {
            values[name] = value;
        }

        return new DestinationSettings("linkedin", values);
    }
}
