using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The base of every store specification suite. A store's test project derives one sealed class
/// per suite and overrides <see cref="UseStore"/> (and <see cref="Reopen"/> for a store that persists);
/// the suite's tests then run against workspaces configured with that store, as a host configures it.
/// </summary>
public abstract partial class StoreSpecification : IDisposable
{
    private readonly List<StoreWorkspace> _workspaces = [];

    /// <summary>The clock every service of the test uses; starts at 2026-01-15 09:00 UTC.</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    /// <summary>
    /// Registers the store under test, as its <c>UseXxx</c> method does (e.g. <c>builder.UseInMemory()</c>).
    /// Every call must configure a new, empty store.
    /// </summary>
    protected abstract void UseStore(IAudiencesBuilder builder);

    /// <summary>
    /// Opens the same data again as a new workspace, as a process restart would, with the same options.
    /// Stores that hold data only in memory return <paramref name="workspace"/> itself (the default); stores
    /// that persist call <see cref="Open(StoreWorkspace, Action{IAudiencesBuilder})"/> with a registration of the same database.
    /// </summary>
    protected virtual StoreWorkspace Reopen(StoreWorkspace workspace) => workspace;

    /// <summary>A new workspace over a new, empty store; 100 records per import batch unless <paramref name="batchSize"/> says otherwise.</summary>
    /// <param name="batchSize">Records per import batch.</param>
    /// <param name="configure">Changes the SDK options of the workspace.</param>
    protected StoreWorkspace NewStore(int batchSize = 100, Action<AudiencesOptions>? configure = null) =>
        Open(UseStore, options =>
        {
            options.ImportBatchSize = batchSize;
            configure?.Invoke(options);
        });

    /// <summary>
    /// A workspace whose store is registered by <paramref name="useStore"/>, with the SDK options
    /// <paramref name="options"/>, the test clock, and disposal after the test.
    /// </summary>
    /// <param name="useStore">Registers the store, e.g. <c>b =&gt; b.UseSqlite(sameFile)</c>.</param>
    /// <param name="options">Sets the SDK options (e.g. those of the workspace being reopened).</param>
    protected StoreWorkspace Open(Action<IAudiencesBuilder> useStore, Action<AudiencesOptions> options)
    {
        ArgumentNullException.ThrowIfNull(useStore);
        ArgumentNullException.ThrowIfNull(options);
        var workspace = StoreWorkspace.Create(useStore, Clock, options);
        _workspaces.Add(workspace);
        return workspace;
    }

    /// <summary>Opens <paramref name="workspace"/>'s store again with its options, registered by <paramref name="useStore"/>.</summary>
    protected StoreWorkspace Open(StoreWorkspace workspace, Action<IAudiencesBuilder> useStore)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Open(useStore, workspace.Options);
    }

    /// <summary>Related records as the asynchronous stream <see cref="IProfileService.ImportRelatedAsync"/> reads.</summary>
    protected static async IAsyncEnumerable<RelatedRecord> AsAsync(params RelatedRecord[] records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }

    /// <summary>Imports records as a person import matching on email and LinkedIn URL.</summary>
    protected static Task<ImportResult> ImportPeopleAsync(IProfileService service, params SourceRecord[] records) =>
        service.UpsertAsync(records, new ImportOptions(EntityKind.Person));

    /// <summary>Imports records as a company import matching on domain.</summary>
    protected static Task<ImportResult> ImportCompaniesAsync(IProfileService service, params SourceRecord[] records) =>
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
    protected static async Task<List<Profile>> AllAsync(StoreWorkspace store, EntityKind kind = EntityKind.Person)
    {
        ArgumentNullException.ThrowIfNull(store);
        var profiles = new List<Profile>();
        await foreach (var profile in store.Profiles.ListProfilesAsync(kind))
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

    /// <summary>Disposes the workspaces the test opened.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        foreach (var workspace in _workspaces)
        {
            workspace.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
