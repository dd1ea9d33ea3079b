using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Fakes.HubSpot;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Audiences.Sdk.HubSpot.Tests;

public sealed class HubSpotLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ImmediateTimeProvider _time = new();
    private readonly FakeLoggerProvider _logs = new();
    private readonly LoggerFactory _loggerFactory;
    private HubSpotFake _fake = null!;

    public HubSpotLogTests() => _loggerFactory = new LoggerFactory([_logs], new LoggerFilterOptions { MinLevel = LogLevel.Trace });

    public async Task InitializeAsync() => _fake = await HubSpotFake.StartAsync();

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _loggerFactory.Dispose();
        _logs.Dispose();
    }

    private IReadOnlyList<FakeLogRecord> Logs(int eventId) => [.. _logs.Collector.GetSnapshot().Where(r => r.Id.Id == eventId)];

    [Fact]
    public async Task A_rate_limit_waited_out_is_logged_with_the_headers_values()
    {
        _fake.Add("contacts", new Dictionary<string, string> { ["email"] = "a@example.com" }, T0);
        _fake.Faults.RateLimitInterval = TimeSpan.FromSeconds(7);
        _fake.Faults.RateLimitNext(1);

        await ReadAsync("contacts");

        var waited = Logs(4802).Should().ContainSingle().Subject;
        waited.Level.Should().Be(LogLevel.Warning);
        waited.GetStructuredStateValue("IntervalMilliseconds").Should().Be("7000");
        waited.GetStructuredStateValue("Remaining").Should().Be("0");
        waited.GetStructuredStateValue("Policy").Should().Be("TEN_SECONDLY_ROLLING");
        waited.GetStructuredStateValue("Wait").Should().Be(TimeSpan.FromSeconds(7).ToString());
        Logs(4803).Should().BeEmpty();
    }

    [Fact]
    public async Task A_rate_limit_past_the_retries_is_logged_with_the_wait_reported()
    {
        _fake.Faults.RetryAfter = TimeSpan.FromSeconds(3);
        _fake.Faults.RateLimitNext(10);

        await ((Func<Task>)(() => ReadAsync("contacts", retries: "1"))).Should().ThrowAsync<SourceUnavailableException>();

        Logs(4802).Should().ContainSingle();
        var gaveUp = Logs(4803).Should().ContainSingle().Subject;
        gaveUp.GetStructuredStateValue("RetryAfter").Should().Be("3");
        gaveUp.GetStructuredStateValue("Wait").Should().Be(TimeSpan.FromSeconds(3).ToString());
    }

    [Fact]
    public async Task Each_search_page_is_logged_at_debug()
    {
        for (var i = 0; i < 150; i++)
        {
            _fake.Add("contacts", new Dictionary<string, string> { ["email"] = $"p{i}@example.com" }, T0.AddSeconds(i));
        }

        await ReadAsync("contacts");

        Logs(4801).Select(r => r.Message).Should().Equal(
            "HubSpot contacts search page read: 100 records; another page follows: True.",
            "HubSpot contacts search page read: 50 records; another page follows: False.");
        Logs(4801).Should().OnlyContain(r => r.Level == LogLevel.Debug);
    }

    [Fact]
    public async Task A_read_past_the_search_cap_logs_where_the_new_search_starts()
    {
        for (var i = 0; i < 10_050; i++)
        {
            _fake.Add("companies", new Dictionary<string, string> { ["domain"] = $"c{i}.example" }, T0.AddMilliseconds(i));
        }

        var items = (await ReadAsync("companies")).SelectMany(b => b.Items).ToList();

        items.Should().HaveCount(10_050);
        var moved = Logs(4800).Should().ContainSingle().Subject;
        moved.Level.Should().Be(LogLevel.Information);
        moved.Message.Should().Be($"HubSpot companies search reached its 10000-result cap after 10000 results; a new search starts at hs_lastmodifieddate {T0.AddMilliseconds(9_999).ToUnixTimeMilliseconds()}.");
    }

    [Fact]
    public async Task A_batch_write_logs_how_many_records_were_written_and_failed_without_their_values()
    {
        var a = _fake.Add("contacts", new Dictionary<string, string> { ["phone"] = "1" });
        var b = _fake.Add("contacts", new Dictionary<string, string> { ["phone"] = "2" });
        _fake.Faults.Rejected[b.Id] = "Phone number is not valid";
        var destination = new HubSpotDestinationFactory(loggerFactory: _loggerFactory).Create(new DestinationSettings("hubspot", new Dictionary<string, string>
        {
            ["base-url"] = _fake.BaseUrl.ToString(),
            ["token"] = _fake.Token,
            ["object"] = "contacts",
        }));

        await destination.WriteAsync(
        [
            new DestinationWrite(a.Id, DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["phone"] = FieldValue.FromText("+44 20 7946 0000") }),
            new DestinationWrite(b.Id, DestinationWriteKind.Update, new Dictionary<string, FieldValue> { ["phone"] = FieldValue.FromText("x") }),
        ]);

        Logs(4804).Should().ContainSingle().Which.Message.Should().Be("HubSpot contacts batch update: 1 records written, 1 failed.");
        _logs.Collector.GetSnapshot().Should().NotContain(r => r.Message.Contains("+44 20", StringComparison.Ordinal) || r.Message.Contains(_fake.Token, StringComparison.Ordinal));
    }

    private async Task<List<SourceBatch>> ReadAsync(string objectType, string retries = "3")
    {
        var source = new HubSpotSourceFactory(_time, loggerFactory: _loggerFactory).Create(new SourceSettings("hubspot", new Dictionary<string, string>
        {
            ["base-url"] = _fake.BaseUrl.ToString(),
            ["token"] = _fake.Token,
            ["object"] = objectType,
            ["retries"] = retries,
        }));
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(new SourceReadRequest(objectType, SourceReadMode.Full, "id")))
        {
            batches.Add(batch);
        }

        return batches;
    }
}
