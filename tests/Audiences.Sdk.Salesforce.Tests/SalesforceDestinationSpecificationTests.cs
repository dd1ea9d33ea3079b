using System.Globalization;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Salesforce;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce.Tests;

/// <summary>The destination contract for the Salesforce destination writing by Id over the fake org.</summary>
public sealed class SalesforceDestinationSpecificationTests : DestinationSpecification, IAsyncLifetime
{
    private SalesforceTestOrg _org = null!;

    protected override bool ReportsFieldTypes => false;

    public async Task InitializeAsync() => _org = await SalesforceTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    protected override Task<IDestination> CreateDestinationAsync(IReadOnlyList<DestinationRecord> records)
    {
        foreach (var record in records)
        {
            _org.Fake.Put("Contact", record.Key, record.Values.ToDictionary(v => v.Key, v => v.Value.IsEmpty ? null : v.Value.ToString()), SalesforceTestOrg.Start);
        }

        var settings = _org.Settings("Contact", ("key", "id"), ("fields", "email, name, score"));
        return Task.FromResult(new SalesforceDestinationFactory(Options.Create(_org.Options)).Create(new DestinationSettings("salesforce", settings)));
    }
}
