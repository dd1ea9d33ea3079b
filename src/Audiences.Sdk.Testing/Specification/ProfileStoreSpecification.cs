using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The base of every store specification suite. A store's test project derives one sealed class
/// per suite and overrides <see cref="CreateStore"/>; the suite's tests then run against that store.
/// </summary>
public abstract class ProfileStoreSpecification : IDisposable
{
    private readonly List<IProfileStore> _stores = [];

    /// <summary>The clock every service of the test uses; starts at 2026-01-15 09:00 UTC.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Creates a new, empty store. Called once or more per test; stores are disposed after the test.</summary>
    protected abstract IProfileStore CreateStore();

    /// <summary>
    /// Opens the same data again as a new store object, as a process restart would. Stores that
    /// hold data only in memory return <paramref name="store"/> itself.
    /// </summary>
    protected virtual IProfileStore Reopen(IProfileStore store) => store;

    /// <summary>Creates a tracked store.</summary>
    protected IProfileStore NewStore() => Track(CreateStore());

    /// <summary>Registers a store for disposal after the test.</summary>
    protected IProfileStore Track(IProfileStore store)
    {
        _stores.Add(store);
        return store;
    }

    /// <summary>A profile service over <paramref name="store"/> with the test clock.</summary>
    protected ProfileService NewService(IProfileStore store, int batchSize = 100, Action<AudiencesOptions>? configure = null)
    {
        var options = new AudiencesOptions { StoreName = "spec", ImportBatchSize = batchSize };
        configure?.Invoke(options);
        return new(store, Options.Create(options), Clock);
    }

    /// <summary>Related records as the asynchronous stream <see cref="ProfileService.ImportRelatedAsync"/> reads.</summary>
    protected static async IAsyncEnumerable<RelatedRecord> AsAsync(params RelatedRecord[] records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    /// <summary>Imports records as a person import matching on email and LinkedIn URL.</summary>
    protected static Task<ImportResult> ImportPeopleAsync(ProfileService service, params SourceRecord[] records) =>
        service.UpsertAsync(records, new ImportOptions(EntityKind.Person));

    /// <summary>Imports records as a company import matching on domain.</summary>
    protected static Task<ImportResult> ImportCompaniesAsync(ProfileService service, params SourceRecord[] records) =>
        service.UpsertAsync(records, new ImportOptions(EntityKind.Company));

    /// <summary>A person record of a CSV source with the given values (null values are left out).</summary>
    protected static SourceRecord Person(string source, string id, params (string Key, object? Value)[] values) =>
        Record(EntityKind.Person, SourceKind.Csv, source, id, values);

    /// <summary>A company record of a CSV source.</summary>
    protected static SourceRecord Company(string source, string id, params (string Key, object? Value)[] values) =>
        Record(EntityKind.Company, SourceKind.Csv, source, id, values);

    /// <summary>A record of any kind and source kind; values may be string, number, bool, DateTimeOffset or string[].</summary>
    protected static SourceRecord Record(EntityKind kind, SourceKind sourceKind, string source, string id, params (string Key, object? Value)[] values) =>
        new(new SourceRecordKey(source, "rows", id), kind, sourceKind, values.ToDictionary(v => v.Key, v => Value(v.Value)));

    /// <summary>Converts a CLR value to a field value.</summary>
    protected static FieldValue Value(object? value) => value switch
    {
        null => FieldValue.Empty,
        string text => FieldValue.FromText(text),
        bool flag => FieldValue.FromBoolean(flag),
        DateTimeOffset instant => FieldValue.FromDateTime(instant),
        string[] list => FieldValue.FromList(list),
        IConvertible number => FieldValue.FromNumber(number.ToDouble(System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"No field value for {value.GetType()}.", nameof(value)),
    };

    /// <summary>Reads all live profiles of a kind.</summary>
    protected static async Task<List<Profile>> AllAsync(IProfileStore store, EntityKind kind = EntityKind.Person)
    {
        var profiles = new List<Profile>();
        await foreach (var profile in store.ListProfilesAsync(kind))
        {
            profiles.Add(profile);
        }

        return profiles;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the stores the test created.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        foreach (var store in _stores.Distinct())
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
