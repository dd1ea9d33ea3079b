using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Signals.Runs;

/// <summary>
/// An in-memory workspace on a fake clock with the <see cref="TitleChangeProvider"/>: people whose CRM and HR records
/// give their titles at chosen times, and an active audience of all of them.
/// </summary>
internal sealed class SignalFixture : IDisposable
{
    public SignalFixture(Action<IAudiencesBuilder>? configure = null, Action<AudiencesOptions>? options = null)
    {
        Workspace = StoreWorkspace.Create(
            b =>
            {
                b.UseInMemory().AddSignalProvider(Titles);
                configure?.Invoke(b);
            },
            Clock,
            options);
    }

    public static DateTimeOffset Start { get; } = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public TitleChangeProvider Titles { get; } = new();

    public StoreWorkspace Workspace { get; }

    public ISignalService Signals => Workspace.Services.GetRequiredService<ISignalService>();

    public IAudienceService Audiences => Workspace.Services.GetRequiredService<IAudienceService>();

    public IProfileService Profiles => Workspace.Service;

    /// <summary>A person with a CRM record a year old holding <paramref name="title"/>.</summary>
    public Task PersonAsync(string firstName, string title = "Engineer") =>
        RecordAsync("crm", firstName, title, Start.AddYears(-1));

    /// <summary>A record of the person from another source, observed <paramref name="ago"/> before the start, holding <paramref name="title"/>.</summary>
    public Task TitleChangedAsync(string firstName, string title, TimeSpan ago, string source = "hr") =>
        RecordAsync(source, firstName, title, Clock.GetUtcNow() - ago);

    /// <summary>An active audience of everyone with a first name; returns its id.</summary>
    public async Task<long> EveryoneAsync(string name = "Everyone", string criteria = "first_name is not empty")
    {
        var audience = await Audiences.CreateAsync(new AudienceDefinition(name, EntityKind.Person, "ana") { Status = AudienceStatus.Active }, criteria);
        await Audiences.RefreshMembershipAsync();
        return audience.Id;
    }

    public static SignalDefinition JobMoves(params long[] audiences) =>
        new("job-moves", EntityKind.Person, SignalType.JobChange, "titles", audiences);

    public async Task<Profile> GetAsync(string firstName) =>
        (await Profiles.FindProfileAsync(EntityKind.Person, "email", Email(firstName)))!;

    public async Task<IReadOnlyList<string>> MemberNamesAsync(long audience)
    {
        var page = await Audiences.ListMembersAsync(audience, limit: 1000);
        return [.. page.Profiles.Select(p => p["first_name"].ToString()).Order(StringComparer.Ordinal)];
    }

    public void Dispose() => Workspace.Dispose();

    private static string Email(string firstName) => $"{firstName.ToLowerInvariant()}@home.example";

    private async Task RecordAsync(string source, string firstName, string title, DateTimeOffset observedAt)
    {
        var result = await Profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey(source, "people", firstName), EntityKind.Person, SourceKind.Crm, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText(Email(firstName)),
                ["first_name"] = FieldValue.FromText(firstName),
                ["title"] = FieldValue.FromText(title),
            })
            {
                ObservedAt = observedAt,
            }],
            new ImportOptions(EntityKind.Person));
        result.Rejected.Should().Be(0);
    }
}
