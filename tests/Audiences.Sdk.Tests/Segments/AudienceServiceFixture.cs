using Audiences.Sdk.Segments;
using Audiences.Sdk.Import;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Segments;

/// <summary>An in-memory workspace with a profile service and an audience service on one fake clock.</summary>
internal sealed class AudienceServiceFixture : IDisposable
{
    private readonly StoreWorkspace _store;

    public AudienceServiceFixture() => _store = StoreWorkspace.Create(b => b.UseInMemory(), Clock);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));

    public IAudienceStore AudienceStore => _store.AudienceStore;

    public IProfileService Profiles => _store.Service;

    public IAudienceService Audiences => _store.Audiences;

    public Task<ImportResult> PeopleAsync(params SourceRecord[] records) => Profiles.UpsertAsync(records, new ImportOptions(EntityKind.Person));

    public Task<ImportResult> CompaniesAsync(params SourceRecord[] records) => Profiles.UpsertAsync(records, new ImportOptions(EntityKind.Company));

    public static SourceRecord Person(string id, params (string Key, object Value)[] values) => Record(EntityKind.Person, id, values);

    public static SourceRecord Company(string id, params (string Key, object Value)[] values) => Record(EntityKind.Company, id, values);

    public void Dispose() => _store.Dispose();

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
