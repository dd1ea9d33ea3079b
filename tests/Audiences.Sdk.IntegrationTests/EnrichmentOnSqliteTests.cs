using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.IntegrationTests;

/// <summary>An enrichment on the SQLite store across a restart: the budget, what was bought and what was written all persist.</summary>
public sealed class EnrichmentOnSqliteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ARunThatReachedItsCap_GoesOnAfterARestart_WithoutRebuying()
    {
        long audience;
        using (var first = Host())
        {
            var profiles = first.GetRequiredService<IProfileService>();
            await profiles.UpsertAsync(
                [.. new[] { "acme.com", "globex.com", "initech.com" }.Select(d => new SourceRecord(new SourceRecordKey("crm", "accounts", d), EntityKind.Company, SourceKind.Crm,
                    new Dictionary<string, FieldValue> { ["domain"] = FieldValue.FromText(d) }))],
                new ImportOptions(EntityKind.Company));
            var audiences = first.GetRequiredService<IAudienceService>();
            audience = (await audiences.CreateAsync(new AudienceDefinition("Accounts", EntityKind.Company, "ana") { Status = AudienceStatus.Active }, "domain is not empty")).Id;
            await audiences.RefreshMembershipAsync();
            var enrichments = first.GetRequiredService<IEnrichmentService>();
            await enrichments.SaveAsync(new EnrichmentDefinition("sizes", EntityKind.Company, ["sizes"], [audience])
            {
                Mappings = [new EnrichmentMapping("employees", "employees")],
            });
            await enrichments.SetBudgetAsync("sizes", 2);
            (await enrichments.RunAsync("sizes")).Status.Should().Be(EnrichmentRunStatus.BudgetReached);
        }

        using var restarted = Host();
        var again = restarted.GetRequiredService<IEnrichmentService>();
        await again.SetBudgetAsync("sizes", 10);
        var run = await again.RunAsync("sizes");

        run.Should().Match<EnrichmentRun>(r => r.Status == EnrichmentRunStatus.Completed && r.Processed == 1 && r.Skipped == 2 && r.Credits == 1);
        (await again.GetBudgetAsync("sizes")).Spent.Should().Be(3);
        var acme = await restarted.GetRequiredService<IProfileService>().FindProfileAsync(EntityKind.Company, "domain", "acme.com");
        acme!["employees"].Should().Be(FieldValue.FromNumber(7));
        (await again.ListRunsAsync("sizes")).Should().HaveCount(2);
    }

    private ServiceProvider Host()
    {
        var services = new ServiceCollection();
        services.AddAudiences(b => b.UseSqlite($"Data Source={_dir.File("audiences.db")}").AddEnrichmentProvider(new SizeProvider()));
        return services.BuildServiceProvider();
    }

    /// <summary>Every company has as many employees as its domain has letters before the dot; 1 credit each.</summary>
    private sealed class SizeProvider : IEnrichmentProvider
    {
        public string Name => "sizes";

        public EntityKind Kind => EntityKind.Company;

        public IReadOnlyList<string> Inputs { get; } = ["domain"];

        public IReadOnlyList<EnrichmentOutput> Outputs { get; } = [new("employees", FieldType.Number)];

        public decimal CreditsPerRecord => 1;

        public int MaxBatchSize => 1;

        public Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<EnrichmentResult>>([.. records.Select(r => new EnrichmentResult(r.Profile, EnrichmentOutcome.Found)
            {
                Values = new Dictionary<string, FieldValue> { ["employees"] = FieldValue.FromNumber(r.Inputs["domain"].AsText().Split('.')[0].Length + 3) },
                Credits = 1,
            })]);
    }
}
