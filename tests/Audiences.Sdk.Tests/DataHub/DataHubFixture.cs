using Audiences.Sdk.DataHub;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Testing.Specification;
using Audiences.Sdk.Tests.Enrichment.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.DataHub;

/// <summary>
/// An in-memory workspace with a hand-counted data set: 5 people and 2 companies with known gaps, two enrichments with
/// budgets and runs, and one signal served by <see cref="FakeSignalService"/>.
/// </summary>
/// <remarks>
/// People (crm): Ada (CTO, acme.com), Bob (acme.com, no title), Cy (CTO, beta.io), Dee (VP, no domain), Eve (beta.io, no title).
/// Companies (registry): acme.com (Acme, 50 employees), beta.io (Beta, no employee count).
/// </remarks>
internal sealed class DataHubFixture : IDisposable
{
    public DataHubFixture(bool withSignals = true)
    {
        Workspace = StoreWorkspace.Create(
            b =>
            {
                b.UseInMemory().AddEnrichmentProvider(Finder).AddEnrichmentProvider(Backup);
                if (withSignals)
                {
                    b.Services.AddSingleton<ISignalService>(Signals);
                }
            },
            Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public EmailFinder Finder { get; } = new();

    public EmailFinder Backup { get; } = new("backup");

    public FakeSignalService Signals { get; } = new();

    public StoreWorkspace Workspace { get; }

    public IDataHubService Hub => Workspace.Services.GetRequiredService<IDataHubService>();

    public IEnrichmentService Enrichments => Workspace.Services.GetRequiredService<IEnrichmentService>();

    public long Everyone { get; private set; }

    public long Ctos { get; private set; }

    public static SourceRecord Person(string id, string first, string? title, string? domain) =>
        new(new SourceRecordKey("crm", "contacts", id), EntityKind.Person, SourceKind.Crm, Values(
            ("email", $"{first.ToLowerInvariant()}@home.example"), ("first_name", first), ("title", title), ("company_domain", domain)));

    public static SourceRecord Company(string id, string domain, string name, double? employees)
    {
        var values = Values(("domain", domain), ("name", name));
        if (employees is { } count)
        {
            values["employees"] = FieldValue.FromNumber(count);
        }

        return new(new SourceRecordKey("registry", "companies", id), EntityKind.Company, SourceKind.Crm, values);
    }

    /// <summary>Imports the people and companies.</summary>
    public async Task ImportAsync()
    {
        await Workspace.Service.UpsertAsync(
            [Person("1", "Ada", "CTO", "acme.com"), Person("2", "Bob", null, "acme.com"), Person("3", "Cy", "CTO", "beta.io"),
             Person("4", "Dee", "VP", null), Person("5", "Eve", null, "beta.io")],
            new ImportOptions(EntityKind.Person));
        await Workspace.Service.UpsertAsync(
            [Company("1", "acme.com", "Acme", 50), Company("2", "beta.io", "Beta", null)],
            new ImportOptions(EntityKind.Company));
    }

    /// <summary>
    /// Imports the data, then: <c>cto-emails</c> (backup, audience CTOs, cap 1) stops at its cap after Ada;
    /// <c>emails</c> (finder, audience Everyone, cap 10) completes. Both write <c>work_email</c>.
    /// </summary>
    public async Task BuildAsync()
    {
        await ImportAsync();
        var audiences = Workspace.Audiences;
        Everyone = (await audiences.CreateAsync(new AudienceDefinition("Everyone", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "first_name is not empty")).Id;
        Ctos = (await audiences.CreateAsync(new AudienceDefinition("CTOs", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "title = \"CTO\"")).Id;
        await audiences.RefreshMembershipAsync();

        await Enrichments.SaveAsync(new EnrichmentDefinition("emails", EntityKind.Person, ["finder"], [Everyone])
        {
            Mappings = [new EnrichmentMapping("work_email", "work_email")],
        });
        await Enrichments.SaveAsync(new EnrichmentDefinition("cto-emails", EntityKind.Person, ["backup"], [Ctos])
        {
            Mappings = [new EnrichmentMapping("work_email", "work_email")],
        });
        await Enrichments.SetBudgetAsync("emails", 10);
        await Enrichments.SetBudgetAsync("cto-emails", 1);
        await Enrichments.RunAsync("cto-emails");
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Enrichments.RunAsync("emails");
    }

    public void Dispose() => Workspace.Dispose();

    private static Dictionary<string, FieldValue> Values(params (string Key, string? Value)[] values) =>
        values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => FieldValue.FromText(v.Value), StringComparer.Ordinal);
}
