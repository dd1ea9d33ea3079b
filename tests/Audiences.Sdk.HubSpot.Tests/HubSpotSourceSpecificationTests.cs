using System.Globalization;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Fakes.HubSpot;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.HubSpot.Tests;

// The source contract over companies, whose standard 'name' carries the fixture's name and a 'score' property its
// score (read as text, as extra properties are).
public sealed class HubSpotSourceSpecificationTests : SourceSpecification, IAsyncLifetime
{
    private HubSpotFake _fake = null!;

    protected override string ObjectName => "companies";

    protected override bool ReportsFieldTypes => false;

    public async Task InitializeAsync() => _fake = await HubSpotFake.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    protected override async Task<ISource> CreateSourceAsync(IReadOnlyList<FixtureRow> rows)
    {
        foreach (var row in rows)
        {
            await UpsertAsync(row);
        }

        return new HubSpotSourceFactory().Create(new SourceSettings("hubspot", new Dictionary<string, string>
        {
            ["base-url"] = _fake.BaseUrl.ToString(),
            ["token"] = _fake.Token,
            ["object"] = "companies",
            ["properties"] = "score",
        }));
    }

    protected override Task UpsertAsync(FixtureRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _fake.Add(
            "companies",
            new Dictionary<string, string> { ["name"] = row.Name, ["score"] = row.Score.ToString(CultureInfo.InvariantCulture) },
            id: long.Parse(row.Id, CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    protected override Task DeleteAsync(string id)
    {
        _fake.Archive("companies", id);
        return Task.CompletedTask;
    }
}
