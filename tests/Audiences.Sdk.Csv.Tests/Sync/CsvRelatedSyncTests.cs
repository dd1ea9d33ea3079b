using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Csv.Tests.Sync;

/// <summary>A sync whose records are deals attached to companies by their domain, not profiles of their own.</summary>
public sealed class CsvRelatedSyncTests : IDisposable
{
    private readonly TempCsv _files = new();
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory().AddCsvSource(), options: o => o.ImportBatchSize = 2);

    private ISyncService Syncs => _store.Services.GetRequiredService<ISyncService>();

    public void Dispose()
    {
        _store.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task RunAsync_DealsByCompanyDomain_LandAsRelatedRecordsOfTheirCompanies_InBatchesLargerThanTheImportDefault()
    {
        await _store.Service.UpsertAsync(
            [Company("acme.com"), Company("globex.com")],
            new ImportOptions(EntityKind.Company));
        var path = _files.Write(string.Join("\n",
            "Deal ID,Company Website,Amount,Stage",
            "d1,acme.com,1200,won",
            "d2,https://www.acme.com/,300,open",
            "d3,globex.com,5000,lost",
            "d4,,50,open",
            "d5,globex.com,75,won") + "\n", "deals.csv");
        var definition = new SyncDefinition("deals", new SourceSettings(CsvSourceFactory.SourceType, new Dictionary<string, string> { ["path"] = path }), "deals", "Deal ID")
        {
            Kind = EntityKind.Company,
            Related = new RelatedTarget("deals", EntityKind.Company, "Company Website"),
            BatchSize = 5,
        };
        await Syncs.SaveAsync(definition);

        var run = await Syncs.RunAsync("deals");

        run.Status.Should().Be(SyncRunStatus.Succeeded);
        run.Related.Should().Be(4);
        run.Rejected.Should().Be(1, "a deal without a company website names no owner");
        run.Errors.Should().ContainSingle().Which.Record.Should().Be(new SourceRecordKey("deals", "deals", "d4"));
        var deals = await _store.Related.ListRelatedRecordsAsync(EntityKind.Company, "deals").ToListAsync();
        deals.Select(d => (d.Key.ExternalId, d.OwnerAlias?.Value)).Should().BeEquivalentTo(
            [("d1", "acme.com"), ("d2", "acme.com"), ("d3", "globex.com"), ("d5", "globex.com")]);
    }

    private static SourceRecord Company(string domain) =>
        new(new SourceRecordKey("crm", "accounts", domain), EntityKind.Company, SourceKind.Crm,
            new Dictionary<string, FieldValue> { ["domain"] = FieldValue.FromText(domain) });
}
