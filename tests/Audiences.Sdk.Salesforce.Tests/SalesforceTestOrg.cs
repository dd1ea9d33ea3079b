using Audiences.Sdk.Salesforce;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Fakes.Salesforce;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce.Tests;

/// <summary>A fake org and the connector's options over it, polling every millisecond so tests do not wait.</summary>
public sealed class SalesforceTestOrg : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private SalesforceTestOrg(SalesforceFake fake) => Fake = fake;

    public SalesforceFake Fake { get; }

    public SalesforceOptions Options { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(1),
        MaxPollInterval = TimeSpan.FromMilliseconds(4),

        // Far beyond any job of the fake, but short enough that a connector stuck polling fails rather than hangs.
        JobTimeout = TimeSpan.FromMinutes(1),
    };

    public static async Task<SalesforceTestOrg> StartAsync() => new(await SalesforceFake.StartAsync());

    public Dictionary<string, string> Settings(string objectName, params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["instance-url"] = Fake.InstanceUrl.ToString(),
            ["token"] = Fake.AccessToken,
            ["object"] = objectName,
        };
        foreach (var (name, value) in more)
        {
            settings[name] = value;
        }

        return settings;
    }

    public ISource Source(string objectName, params (string Name, string Value)[] more) => Source(objectName, null, more);

    public ISource Source(string objectName, TimeProvider? time, params (string Name, string Value)[] more) =>
        new SalesforceSourceFactory(Microsoft.Extensions.Options.Options.Create(Options), time).Create(new SourceSettings("salesforce", Settings(objectName, more)));

    /// <summary>Every call the fake answered, as its <c>Sforce-Limit-Info</c> counts them.</summary>
    public int TotalCalls() =>
        new[]
        {
            SalesforceFakeEndpoints.QueryCreate, SalesforceFakeEndpoints.QueryPoll, SalesforceFakeEndpoints.QueryResults,
            SalesforceFakeEndpoints.IngestCreate, SalesforceFakeEndpoints.IngestUpload, SalesforceFakeEndpoints.IngestClose,
            SalesforceFakeEndpoints.IngestPoll, SalesforceFakeEndpoints.IngestResults,
        }.Sum(Fake.Calls);

    public void PutContact(string id, string email, DateTimeOffset at, string? accountId = null) =>
        Fake.Put("Contact", id, new Dictionary<string, string?> { ["Email"] = email, ["FirstName"] = "F" + id, ["LastName"] = "L" + id, ["AccountId"] = accountId }, at);

    public static async Task<List<SourceBatch>> ReadAllAsync(ISource source, SourceReadRequest request)
    {
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(request))
        {
            batches.Add(batch);
        }

        return batches;
    }

    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}
