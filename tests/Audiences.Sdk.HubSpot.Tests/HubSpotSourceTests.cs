using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Fakes.HubSpot;

namespace Audiences.Sdk.HubSpot.Tests;

public sealed class HubSpotSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ImmediateTimeProvider _time = new();
    private HubSpotFake _fake = null!;

    public async Task InitializeAsync() => _fake = await HubSpotFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task Pages_with_after_and_maps_the_standard_contact_properties()
    {
        for (var i = 0; i < 250; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string> { ["email"] = $"p{i}@example.com", ["firstname"] = "Ada", ["lastname"] = "L", ["jobtitle"] = "CTO", ["phone"] = "+1" }, T0.AddSeconds(i));
        }

        var batches = await ReadAsync("contacts", SourceReadMode.Full);

        var items = batches.SelectMany(b => b.Items).ToList();
        items.Should().HaveCount(250);
        items.Select(i => i.ExternalId).Should().OnlyHaveUniqueItems();
        _fake.CallsTo("POST", "/crm/v3/objects/contacts/search").Should().Be(3);
        var first = items[0].Values;
        first["email"].ToString().Should().Be("p0@example.com");
        first["first_name"].ToString().Should().Be("Ada");
        first["last_name"].ToString().Should().Be("L");
        first["title"].ToString().Should().Be("CTO");
        first["phone"].ToString().Should().Be("+1");
        batches[^1].Cursor.Should().Be(T0.AddSeconds(249).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Reads_past_the_search_cap_by_moving_the_lower_bound_of_the_window()
    {
        // 10,500 records, three to a millisecond, so the window restarts on a millisecond shared with records read.
        for (var i = 0; i < 10_500; i++)
        {
            _fake.Add("companies", new Dictionary<string, string> { ["domain"] = $"c{i}.example", ["numberofemployees"] = "12" }, T0.AddMilliseconds(i / 3));
        }

        var items = (await ReadAsync("companies", SourceReadMode.Full)).SelectMany(b => b.Items).ToList();

        items.Select(i => i.ExternalId).Should().OnlyHaveUniqueItems().And.HaveCount(10_500);
        items[0].Values["employees"].AsNumber().Should().Be(12);
        _fake.CallsTo("POST", "/crm/v3/objects/companies/search").Should().BeGreaterThan(105, "the second window reads the rest");
    }

    [Fact]
    public async Task Reads_past_the_search_cap_when_many_records_share_the_millisecond_at_the_boundary()
    {
        // 9,950 records a millisecond apart, then 300 in one millisecond across the cap (the first query reads 50 of
        // them), then 200 more: the second query starts at that millisecond and skips exactly the 50 read.
        for (var i = 0; i < 9_950; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string>(), T0.AddMilliseconds(i));
        }

        var shared = T0.AddMilliseconds(9_950);
        for (var i = 0; i < 300; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string>(), shared);
        }

        for (var i = 0; i < 200; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string>(), shared.AddMilliseconds(1 + i));
        }

        var batches = await ReadAsync("contacts", SourceReadMode.Full);

        var ids = batches.SelectMany(b => b.Items).Select(i => i.ExternalId).ToList();
        ids.Should().OnlyHaveUniqueItems().And.HaveCount(10_450);
        ids.Should().BeEquivalentTo(_fake.Records("contacts").Select(r => r.Id));
        _fake.CallsTo("POST", "/crm/v3/objects/contacts/search").Should().Be(100 + 5, "a hundred pages to the cap, then the 500 records from the boundary millisecond on");
        batches[^1].Cursor.Should().Be(shared.AddMilliseconds(200).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Fails_when_more_records_share_one_millisecond_than_search_pages_through()
    {
        for (var i = 0; i < HubSpotFake.SearchCap + 50; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string>(), T0);
        }

        var act = () => ReadAsync("contacts", SourceReadMode.Full);

        (await act.Should().ThrowAsync<SourceUnavailableException>()).WithMessage("*share the lastmodifieddate*");
    }

    [Fact]
    public async Task An_incremental_read_takes_the_records_modified_since_the_cursor()
    {
        _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "old" }, T0);
        _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "new" }, T0.AddHours(1));

        var cursor = T0.AddMinutes(30).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var items = (await ReadAsync("deals", SourceReadMode.Incremental, cursor)).SelectMany(b => b.Items).ToList();

        items.Select(i => i.Values["dealname"].ToString()).Should().Equal("new");
    }

    [Fact]
    public async Task Reports_archived_records_as_deleted_and_a_deal_with_its_company()
    {
        var company = _fake.Add("companies", new Dictionary<string, string> { ["domain"] = "acme.example" }, T0);
        var deal = _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "big" }, T0);
        var gone = _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "gone" }, T0);
        _fake.Associate(deal.Id, company.Id);
        _fake.Archive("deals", gone.Id, T0.AddMinutes(1));

        var batches = await ReadAsync("deals", SourceReadMode.Full);

        var items = batches.SelectMany(b => b.Items).ToList();
        items.Select(i => i.ExternalId).Should().Equal(deal.Id);
        items[0].Values["hubspot_company_id"].ToString().Should().Be(company.Id);
        items[0].Account.Should().Be(new SourceReference("companies", company.Id));
        batches.SelectMany(b => b.Deleted).Should().Equal(gone.Id);
    }

    [Fact]
    public async Task A_deal_without_a_company_has_no_account_and_a_contact_none_either()
    {
        _fake.Add("deals", new Dictionary<string, string> { ["dealname"] = "alone" }, T0);
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "a@example.com" }, T0);

        var deals = (await ReadAsync("deals", SourceReadMode.Full)).SelectMany(b => b.Items).ToList();
        var contacts = (await ReadAsync("contacts", SourceReadMode.Full)).SelectMany(b => b.Items).ToList();

        deals.Should().ContainSingle().Which.Should().Match<SourceItem>(i => i.Account == null && i.Values["hubspot_company_id"].IsEmpty);
        contacts.Should().ContainSingle().Which.Account.Should().BeNull();
    }

    [Fact]
    public async Task An_incremental_read_reports_only_the_records_archived_since_the_cursor()
    {
        var before = _fake.Add("contacts", new Dictionary<string, string>(), T0);
        var after = _fake.Add("contacts", new Dictionary<string, string>(), T0);
        _fake.Archive("contacts", before.Id, T0.AddMinutes(10));
        _fake.Archive("contacts", after.Id, T0.AddHours(2));

        var cursor = T0.AddHours(1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var batches = await ReadAsync("contacts", SourceReadMode.Incremental, cursor);

        batches.SelectMany(b => b.Deleted).Should().Equal(after.Id);
        batches.Should().OnlyContain(b => b.Cursor == cursor, "nothing live was read, so the cursor stays");
    }

    [Fact]
    public async Task Waits_out_a_rate_limit_for_the_window_the_headers_name()
    {
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "a@example.com" }, T0);
        _fake.Faults.RateLimitInterval = TimeSpan.FromSeconds(7);
        _fake.Faults.RateLimitNext(2);

        var items = (await ReadAsync("contacts", SourceReadMode.Full)).SelectMany(b => b.Items).ToList();

        items.Should().ContainSingle();
        _time.Waits.Should().Equal(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task A_rate_limit_past_the_retries_fails_with_the_wait_to_retry_after()
    {
        _fake.Faults.RetryAfter = TimeSpan.FromSeconds(3);
        _fake.Faults.RateLimitNext(10);

        var act = () => ReadAsync("contacts", SourceReadMode.Full, retries: "1");

        (await act.Should().ThrowAsync<SourceUnavailableException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_server_error_fails_the_read_as_unavailable()
    {
        _fake.Faults.FailNext();

        var act = () => ReadAsync("contacts", SourceReadMode.Full);

        (await act.Should().ThrowAsync<SourceUnavailableException>()).WithMessage("*HTTP 502*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_malformed_answer_fails_the_read_rather_than_ending_it_early(int pagesFirst)
    {
        // A page that is no search answer (a proxy's HTML) would otherwise read as "no more records", and a full read
        // that ends early reports every record it did not reach as deleted.
        for (var i = 0; i < 150; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string>(), T0.AddSeconds(i));
        }

        var read = () => ReadPagesThenMalformAsync(pagesFirst);

        (await read.Should().ThrowAsync<SourceUnavailableException>()).WithMessage("*not JSON*");
    }

    [Fact]
    public async Task A_refused_token_fails_with_a_clear_message()
    {
        _fake.Faults.TokenExpired = true;

        var act = () => ReadAsync("contacts", SourceReadMode.Full);

        (await act.Should().ThrowAsync<SourceUnavailableException>()).WithMessage("*refused the token (401)*");
    }

    private async Task ReadPagesThenMalformAsync(int pagesFirst)
    {
        var source = new HubSpotSourceFactory(_time).Create(new SourceSettings("hubspot", new Dictionary<string, string>
        {
            ["base-url"] = _fake.BaseUrl.ToString(),
            ["token"] = _fake.Token,
            ["object"] = "contacts",
        }));
        var read = 0;
        if (pagesFirst == 0)
        {
            _fake.Faults.MalformNext();
        }

        await foreach (var unused in source.ReadAsync(new SourceReadRequest("contacts", SourceReadMode.Full, "id")))
        {
            if (++read == pagesFirst)
            {
                _fake.Faults.MalformNext();
            }
        }
    }

    private async Task<List<SourceBatch>> ReadAsync(string objectType, SourceReadMode mode, string? cursor = null, string retries = "3")
    {
        var factory = new HubSpotSourceFactory(_time);
        var source = factory.Create(new SourceSettings("hubspot", new Dictionary<string, string>
        {
            ["base-url"] = _fake.BaseUrl.ToString(),
            ["token"] = _fake.Token,
            ["object"] = objectType,
            ["retries"] = retries,
        }));
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(new SourceReadRequest(objectType, mode, "id") { Cursor = cursor }))
        {
            batches.Add(batch);
        }

        return batches;
    }
}
