using System.Globalization;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Import;
using Audiences.Sdk.Benchmarks.Workload;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Audiences.Sdk.Benchmarks;

/// <summary>
/// Counting people by their company's fields and companies by their opportunities. The reference is
/// what the profile service did before the bulk path, and what a host would write over the public API:
/// every profile read, its company or related records fetched, the reference evaluator run on it.
/// "Cold" builds the company links / owner index first (a new service: the first filter after a change);
/// "warm" reuses them (the store has not changed since the last filter).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class LinkedFilterBenchmarks
{
    private const string CompanyFilter = "company.employees < 500 and title = \"CTO\"";
    private const string OpportunityFilter = "opportunities.any(stage = \"Closed Won\" and amount > 50000)";
    private static readonly string[] Titles = ["CTO", "CEO", "Engineer", "Analyst", "Designer"];
    private static readonly string[] Stages = ["Prospecting", "Closed Won", "Closed Lost"];

    private BenchStore _store = null!;
    private IProfileService _warm = null!;
    private BoundFilter _company = null!;
    private BoundFilter _opportunities = null!;
    private string _directory = string.Empty;

    [Params(50_000)]
    public int People { get; set; }

    [Params("InMemory", "Sqlite")]
    public string Store { get; set; } = "InMemory";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("linked-bench").FullName;
        _store = BenchStore.Create(Store == "InMemory" ? StoreKind.InMemory : StoreKind.Sqlite, Path.Combine(_directory, "bench.db"), Configure);
        _warm = _store.Service;
        ImportAsync().GetAwaiter().GetResult();
        _company = _warm.BindFilterAsync(EntityKind.Person, CompanyFilter).AsTask().GetAwaiter().GetResult();
        _opportunities = _warm.BindFilterAsync(EntityKind.Company, OpportunityFilter).AsTask().GetAwaiter().GetResult();
        _warm.CountAsync(_company).AsTask().GetAwaiter().GetResult();
        _warm.CountAsync(_opportunities).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Company")]
    public async Task<long> CompanyFilterProfileByProfile()
    {
        var evaluator = new FilterEvaluator(TimeProvider.System);
        long count = 0;
        await foreach (var person in _warm.ListProfilesAsync(EntityKind.Person))
        {
            var company = await _warm.GetCompanyAsync(person.Id);
            count += evaluator.Matches(_company, FilterRecord.FromProfile(person, null, company)) ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory("Company")]
    public async Task<long> CompanyFilterBulkCold()
    {
        using var cold = _store.Share(Configure);
        return await cold.Service.CountAsync(_company);
    }

    [Benchmark]
    [BenchmarkCategory("Company")]
    public async Task<long> CompanyFilterBulkWarm() => await _warm.CountAsync(_company);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Opportunities")]
    public async Task<long> OpportunitiesProfileByProfile()
    {
        var evaluator = new FilterEvaluator(TimeProvider.System);
        long count = 0;
        await foreach (var company in _warm.ListProfilesAsync(EntityKind.Company))
        {
            var related = new List<RelatedRecord>();
            await foreach (var record in _warm.ListRelatedRecordsAsync(company.Id))
            {
                related.Add(record);
            }

            count += evaluator.Matches(_opportunities, FilterRecord.FromProfile(company, related)) ? 1 : 0;
        }

        return count;
    }

    [Benchmark]
    [BenchmarkCategory("Opportunities")]
    public async Task<long> OpportunitiesBulkCold()
    {
        using var cold = _store.Share(Configure);
        return await cold.Service.CountAsync(_opportunities);
    }

    [Benchmark]
    [BenchmarkCategory("Opportunities")]
    public async Task<long> OpportunitiesBulkWarm() => await _warm.CountAsync(_opportunities);

    /// <summary>Large import batches, and the opportunities collection the quantifier reads.</summary>
    private static void Configure(IAudiencesBuilder builder) =>
        builder.Configure(o =>
        {
            o.ImportBatchSize = 50_000;
            o.RelatedRecordTypes.Add(new RelatedRecordType("opportunities", EntityKind.Company,
                [new FieldDefinition("amount", EntityKind.Company, FieldType.Number, "crm"), new FieldDefinition("stage", EntityKind.Company, FieldType.Text, "crm")]));
        });

    /// <summary>One company per ten people, found by the domain of each person's work email; three opportunities per company.</summary>
    private async Task ImportAsync()
    {
        var companies = People / 10;
        await _warm.UpsertAsync(
            Enumerable.Range(0, companies).Select(c => new SourceRecord(Key("accounts", c), EntityKind.Company, SourceKind.Crm, new Dictionary<string, FieldValue>
            {
                ["domain"] = FieldValue.FromText($"c{c}.com"),
                ["employees"] = FieldValue.FromNumber(c * 37 % 2000),
            })),
            new ImportOptions(EntityKind.Company));
        await _warm.UpsertAsync(
            Enumerable.Range(0, People).Select(p => new SourceRecord(Key("contacts", p), EntityKind.Person, SourceKind.Crm, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText($"p{p}@c{p % companies}.com"),
                ["title"] = FieldValue.FromText(Titles[p % Titles.Length]),
            })),
            new ImportOptions(EntityKind.Person));
        await _warm.ImportRelatedAsync(Enumerable.Range(0, companies * 3).Select(o => new RelatedRecord(
            Key("opportunities", o), "opportunities", EntityKind.Company, new Dictionary<string, FieldValue>
            {
                ["amount"] = FieldValue.FromNumber(o * 7919 % 100_000),
                ["stage"] = FieldValue.FromText(Stages[o % Stages.Length]),
            })
        { OwnerRecord = Key("accounts", o / 3) }).ToAsyncEnumerable());
    }

    private static SourceRecordKey Key(string objectName, int id) => new("crm", objectName, id.ToString(CultureInfo.InvariantCulture));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.ShortRun.WithId("Linked"));
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        }
    }
}
