using System.Globalization;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Testing.Fakes.HubSpot;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.HubSpot.Tests;

// The destination contract over contacts keyed by HubSpot's record id: it cannot create (HubSpot assigns ids) nor
// remove, so those checks are vacuous here; upserts are checked in HubSpotDestinationTests.
public sealed class HubSpotDestinationSpecificationTests : DestinationSpecification, IAsyncLifetime
{
    private HubSpotFake _fake = null!;

    protected override bool ReportsFieldTypes => false;

    public async Task InitializeAsync() => _fake = await HubSpotFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    protected override Task<IDestination> CreateDestinationAsync(IReadOnlyList<DestinationRecord> records)
    {
        _fake.DefineProperties("contacts", "name", "score");
        foreach (var record in records)
        {
            _fake.Add(
                "contacts",
                record.Values.Where(v => !v.Value.IsEmpty).ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.Ordinal),
                id: long.Parse(record.Key, CultureInfo.InvariantCulture));
        }

        var factory = new HubSpotDestinationFactory();
        return Task.FromResult(factory.Create(new DestinationSettings("hubspot", new Dictionary<string, string>
        {
            ["base-url"] = _fake.BaseUrl.ToString(),
            ["token"] = _fake.Token,
            ["object"] = "contacts",
            ["properties"] = "name,score",
        })));
    }
}
