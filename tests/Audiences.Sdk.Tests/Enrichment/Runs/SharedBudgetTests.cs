using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Enrichment.Runs;

/// <summary>Several enrichments racing against one budget, with retries, failing records and a crashed caller's reservation.</summary>
public sealed class SharedBudgetTests
{
    private const decimal Cap = 17;

    [Fact]
    public async Task ConcurrentRunsOfSeveralEnrichments_NeverSpendACreditPastTheSharedCap()
    {
        string[] providers = ["a", "b", "c", "d"];
        using var store = StoreWorkspace.Create(
            b =>
            {
                b.UseInMemory();
                foreach (var name in providers)
                {
                    b.AddEnrichmentProvider(new FlakyFinder(name));
                }
            },
            TimeProvider.System,
            o => o.Providers.RetryDelay = TimeSpan.FromMilliseconds(1));
        var enrichments = store.Services.GetRequiredService<IEnrichmentService>();
        var audiences = store.Services.GetRequiredService<IAudienceService>();
        await store.Service.UpsertAsync(
            [.. Enumerable.Range(1, 12).Select(i => new SourceRecord(new SourceRecordKey("crm", "contacts", $"{i}"), EntityKind.Person, SourceKind.Crm,
                new Dictionary<string, FieldValue>
                {
                    ["email"] = FieldValue.FromText($"p{i}@home.example"),
                    ["first_name"] = FieldValue.FromText(i % 5 == 1 ? $"Xeno{i}" : $"Person{i}"),
                    ["company_domain"] = FieldValue.FromText("acme.com"),
                }))],
            new ImportOptions(EntityKind.Person));
        var everyone = await audiences.CreateAsync(new AudienceDefinition("Everyone", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "first_name is not empty");
        await audiences.RefreshMembershipAsync();
        foreach (var provider in providers)
        {
            await enrichments.SaveAsync(new EnrichmentDefinition($"emails-{provider}", EntityKind.Person, [provider], [everyone.Id])
            {
                Mappings = [new EnrichmentMapping("work_email", $"work_email_{provider}")],
                Budget = "team",
            });
        }

        await enrichments.SetBudgetAsync("emails-a", Cap);

        // A caller that crashed holding a reservation: it counts until it expires, and is never spent.
        var now = TimeProvider.System.GetUtcNow();
        var crashed = await store.Credits.TryReserveAsync("team", 3, now, now.AddMilliseconds(50), "a crashed run");
        crashed.Should().NotBeNull();

        var runs = await Task.WhenAll(providers.SelectMany(p => new[] { p, p }).Select(p => Task.Run(() => enrichments.RunAsync($"emails-{p}", force: true))));

        var untilExpired = crashed!.ExpiresAt - TimeProvider.System.GetUtcNow();
        if (untilExpired > TimeSpan.Zero)
        {
            await Task.Delay(untilExpired + TimeSpan.FromMilliseconds(10));
        }

        var budget = await enrichments.GetBudgetAsync("emails-b");
        budget.Cap.Should().Be(Cap, "every enrichment names the one budget");
        budget.Spent.Should().BeLessThanOrEqualTo(Cap);
        budget.Spent.Should().Be(runs.Sum(r => r.Credits), "every credit spent is a run's");
        budget.Reserved.Should().Be(0, "no call is in flight, and the crashed reservation expired");
        runs.Should().Contain(r => r.Status == EnrichmentRunStatus.BudgetReached, "48 look-ups cannot fit a cap of 17");
        runs.Should().OnlyContain(r => r.Status != EnrichmentRunStatus.Failed);
        runs.Sum(r => r.Failed).Should().BeGreaterThan(0, "records with a garbled answer fail on their own");
    }
}
