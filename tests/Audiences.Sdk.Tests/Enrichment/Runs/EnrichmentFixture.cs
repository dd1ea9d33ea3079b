using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Enrichment.Runs;

/// <summary>An in-memory workspace with people, an audience of them, and the enrichment service over <see cref="EmailFinder"/>s.</summary>
internal sealed class EnrichmentFixture : IDisposable
{
    public EnrichmentFixture(Action<IAudiencesBuilder>? configure = null)
    {
        Workspace = StoreWorkspace.Create(
            b =>
            {
                b.UseInMemory().AddEnrichmentProvider(Finder).AddEnrichmentProvider(Backup);
                configure?.Invoke(b);
            },
            Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    public EmailFinder Finder { get; } = new();

    public EmailFinder Backup { get; } = new("backup");

    public StoreWorkspace Workspace { get; }

    public IEnrichmentService Enrichments => Workspace.Services.GetRequiredService<IEnrichmentService>();

    public IAudienceService Audiences => Workspace.Services.GetRequiredService<IAudienceService>();

    public IProfileService Profiles => Workspace.Service;

    /// <summary>People named as given, each at acme.com, and an active audience of all of them; returns the audience id.</summary>
    public async Task<long> PeopleAsync(params string[] firstNames)
    {
        await Profiles.UpsertAsync(
            [.. firstNames.Select((first, i) => new SourceRecord(new SourceRecordKey("crm", "contacts", $"{i + 1}"), EntityKind.Person, SourceKind.Crm,
                new Dictionary<string, FieldValue>
                {
                    ["email"] = FieldValue.FromText($"{first.ToLowerInvariant()}@home.example"),
                    ["first_name"] = FieldValue.FromText(first),
                    ["company_domain"] = FieldValue.FromText("acme.com"),
                }))],
            new ImportOptions(EntityKind.Person));
        var audience = await Audiences.CreateAsync(
            new AudienceDefinition("Everyone", EntityKind.Person, "ana") { Status = AudienceStatus.Active }, "first_name is not empty");
        await Audiences.RefreshMembershipAsync();
        return audience.Id;
    }

    public static EnrichmentDefinition Emails(long audience, params string[] providers) =>
        new("emails", EntityKind.Person, providers.Length == 0 ? ["finder"] : providers, [audience])
        {
            Mappings = [new EnrichmentMapping("work_email", "work_email")],
        };

    public async Task<Profile> PersonAsync(string firstName) =>
        (await Profiles.FindProfileAsync(EntityKind.Person, "email", $"{firstName.ToLowerInvariant()}@home.example"))!;

    public void Dispose() => Workspace.Dispose();
}
