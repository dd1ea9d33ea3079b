using Audiences.Sdk.Segments;
using Audiences.Sdk.Import;
using Audiences.Sdk.InMemory;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Segments;

/// <summary>An in-memory workspace with a profile service and an audience service on one fake clock.</summary>
internal sealed class AudienceServiceFixture : IDisposable
{
    public AudienceServiceFixture()
    {
        Profiles = new ProfileService(ProfileStore, Options.Create(new AudiencesOptions()), Clock);
        Audiences = new AudienceService(ProfileStore, AudienceStore, Profiles, Clock);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public InMemoryProfileStore ProfileStore { get; } = new();

    public InMemoryAudienceStore AudienceStore { get; } = new();

    public ProfileService Profiles { get; }

    public AudienceService Audiences { get; }

    public Task<ImportResult> PeopleAsync(params SourceRecord[] records) => Profiles.UpsertAsync(records, new ImportOptions(EntityKind.Person));

    public Task<ImportResult> CompaniesAsync(params SourceRecord[] records) => Profiles.UpsertAsync(records, new ImportOptions(EntityKind.Company));

    public static SourceRecord Person(string id, params (string Key, object Value)[] values) => Record(EntityKind.Person, id, values);

    public static SourceRecord Company(string id, params (string Key, object Value)[] values) => Record(EntityKind.Company, id, values);

    public void Dispose()
    {
        ProfileStore.Dispose();
        AudienceStore.Dispose();
    }

    private static SourceRecord Record(EntityKind kind, string id, (string Key, object Value)[] values) =>
        new(new SourceRecordKey("crm", kind == EntityKind.Person ? "contacts" : "accounts", id), kind, SourceKind.Crm, values.ToDictionary(
            v => v.Key,
            v => v.Value switch
            {
                string text => FieldValue.FromText(text),
                int number => FieldValue.FromNumber(number),
                _ => throw new ArgumentException("Use text or whole numbers.", nameof(values)),
            }));
}
