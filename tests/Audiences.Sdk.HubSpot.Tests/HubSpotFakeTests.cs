using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Testing.Fakes.HubSpot;

namespace Audiences.Sdk.HubSpot.Tests;

// The fake keeps HubSpot's protocol, so the connector's tests against it mean something.
public sealed class HubSpotFakeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http = new();
    private HubSpotFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await HubSpotFake.StartAsync();
        _http.BaseAddress = _fake.BaseUrl;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _fake.Token);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task Search_refuses_to_page_past_ten_thousand_results()
    {
        for (var i = 0; i < 10_001; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string>(), T0);
        }

        var last = await PostAsync("crm/v3/objects/contacts/search", new JsonObject { ["limit"] = 100, ["after"] = "9900" });
        var past = await PostAsync("crm/v3/objects/contacts/search", new JsonObject { ["limit"] = 100, ["after"] = "10000" });

        last.Status.Should().Be(200);
        last.Body["total"]!.GetValue<int>().Should().Be(10_001);
        past.Status.Should().Be(400);
        past.Body["category"]!.ToString().Should().Be("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Search_filters_sorts_and_leaves_archived_records_out()
    {
        _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "early" }, T0);
        var late = _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "late" }, T0.AddHours(2));
        var middle = _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "middle" }, T0.AddHours(1));
        var archived = _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "archived" }, T0.AddHours(1));
        _fake.Archive("deals", archived.Id);

        var (status, body) = await PostAsync("crm/v3/objects/deals/search", new JsonObject
        {
            ["filterGroups"] = new JsonArray(new JsonObject
            {
                ["filters"] = new JsonArray(
                    new JsonObject { ["propertyName"] = "hs_lastmodifieddate", ["operator"] = "GTE", ["value"] = T0.AddMinutes(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    new JsonObject { ["propertyName"] = "hs_lastmodifieddate", ["operator"] = "LT", ["value"] = T0.AddHours(3).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            }),
            ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = "hs_lastmodifieddate", ["direction"] = "ASCENDING" }),
        });

        status.Should().Be(200);
        body["results"]!.AsArray().Select(r => r!["id"]!.ToString()).Should().Equal(middle.Id, late.Id);
    }

    [Fact]
    public async Task Lists_archived_records_only_when_asked_and_deals_with_their_companies()
    {
        var company = _fake.Add("companies", new Dictionary<string, string> { ["domain"] = "acme.example" });
        var deal = _fake.Add("deals", new Dictionary<string, string>());
        var gone = _fake.Add("deals", new Dictionary<string, string>());
        _fake.Associate(deal.Id, company.Id);
        _fake.Archive("deals", gone.Id);

        var live = JsonNode.Parse(await _http.GetStringAsync(new Uri("crm/v3/objects/deals?associations=companies", UriKind.Relative)))!;
        var archived = JsonNode.Parse(await _http.GetStringAsync(new Uri("crm/v3/objects/deals?archived=true", UriKind.Relative)))!;

        live["results"]!.AsArray().Should().ContainSingle().Which!["associations"]!["companies"]!["results"]![0]!["id"]!.ToString().Should().Be(company.Id);
        archived["results"]!.AsArray().Should().ContainSingle().Which!["id"]!.ToString().Should().Be(gone.Id);
    }

    [Fact]
    public async Task Refuses_a_batch_of_more_than_one_hundred_inputs()
    {
        var inputs = new JsonArray([.. Enumerable.Range(1, 101).Select(i => (JsonNode)new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["properties"] = new JsonObject() })]);

        var (status, _) = await PostAsync("crm/v3/objects/contacts/batch/update", new JsonObject { ["inputs"] = inputs });

        status.Should().Be(400);
    }

    [Fact]
    public async Task Refuses_a_wrong_token_with_HubSpots_error_body_and_counts_the_call()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_fake.BaseUrl, "crm/v3/objects/contacts"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        using var client = new HttpClient();
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["status"]!.ToString().Should().Be("error");
        body["correlationId"]!.ToString().Should().NotBeEmpty();
        _fake.CallsTo("GET", "/crm/v3/objects/contacts").Should().Be(1);
    }

    [Fact]
    public async Task Answers_a_rate_limit_with_the_rate_limit_headers_and_body()
    {
        _fake.Faults.RateLimitNext();

        using var response = await _http.GetAsync(new Uri("crm/v3/objects/contacts", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.GetValues("X-HubSpot-RateLimit-Interval-Milliseconds").Should().Equal("10000");
        response.Headers.GetValues("X-HubSpot-RateLimit-Remaining").Should().Equal("0");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        body["errorType"]!.ToString().Should().Be("RATE_LIMIT");
        body["policyName"]!.ToString().Should().Be("TEN_SECONDLY_ROLLING");
    }

    private async Task<(int Status, JsonNode Body)> PostAsync(string path, JsonObject body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
