using Audiences.Sdk.Credits;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// One store under test, configured as a host configures it (<c>AddAudiences(b =&gt; b.UseXxx(...))</c>): its
/// contracts and the SDK's services, all from one service provider. Disposing it disposes the provider.
/// </summary>
public sealed class StoreWorkspace : IDisposable, IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private StoreWorkspace(ServiceProvider provider, Action<AudiencesOptions> options)
    {
        _provider = provider;
        Options = options;
    }

    /// <summary>
    /// Configures a workspace as a host would: <c>AddAudiences</c> with the store <paramref name="useStore"/> registers,
    /// the SDK options <paramref name="options"/> and the clock <paramref name="clock"/>.
    /// </summary>
    /// <param name="useStore">Registers the store, e.g. <c>b =&gt; b.UseInMemory()</c>.</param>
    /// <param name="clock">The clock of every service and of the store; the system clock when null.</param>
    /// <param name="options">Changes the SDK options; none when null.</param>
    /// <returns>The workspace; dispose it to close the store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="useStore"/> is null.</exception>
    public static StoreWorkspace Create(Action<IAudiencesBuilder> useStore, TimeProvider? clock = null, Action<AudiencesOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(useStore);
        var configure = options ?? (_ => { });
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddAudiences(builder =>
        {
            useStore(builder);
            builder.Configure(configure);
        });
        return new StoreWorkspace(services.BuildServiceProvider(), configure);
    }

    /// <summary>The service provider the store and services come from.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>The profile service over the store.</summary>
    public IProfileService Service => _provider.GetRequiredService<IProfileService>();

    /// <summary>The audience service over the store.</summary>
    public IAudienceService Audiences => _provider.GetRequiredService<IAudienceService>();

    /// <summary>Profile reads, id resolution and write sessions.</summary>
    public IProfileStore Profiles => _provider.GetRequiredService<IProfileStore>();

    /// <summary>Filters evaluated by the store.</summary>
    public IProfileQueryStore Queries => _provider.GetRequiredService<IProfileQueryStore>();

    /// <summary>The merge and split ledgers.</summary>
    public IMergeLedger Ledger => _provider.GetRequiredService<IMergeLedger>();

    /// <summary>The match review queue.</summary>
    public IReviewQueue Reviews => _provider.GetRequiredService<IReviewQueue>();

    /// <summary>The field catalog.</summary>
    public IFieldCatalog Catalog => _provider.GetRequiredService<IFieldCatalog>();

    /// <summary>Related records.</summary>
    public IRelatedRecordStore Related => _provider.GetRequiredService<IRelatedRecordStore>();

    /// <summary>The change feed.</summary>
    public IChangeFeed Changes => _provider.GetRequiredService<IChangeFeed>();

    /// <summary>Audiences, memberships and the membership feed.</summary>
    public IAudienceStore AudienceStore => _provider.GetRequiredService<IAudienceStore>();

    /// <summary>The external ids of the stored source records, per source object.</summary>
    public ISourceRecordIndex SourceRecords => _provider.GetRequiredService<ISourceRecordIndex>();

    /// <summary>Sync definitions by name.</summary>
    public ISyncDefinitionStore SyncDefinitions => _provider.GetRequiredService<ISyncDefinitionStore>();

    /// <summary>Sync cursors and run history.</summary>
    public ISyncStateStore SyncState => _provider.GetRequiredService<ISyncStateStore>();

    /// <summary>Drafts and their records.</summary>
    public IDraftStore Drafts => _provider.GetRequiredService<IDraftStore>();

    /// <summary>Credit budgets, reservations and spend.</summary>
    public ICreditLedger Credits => _provider.GetRequiredService<ICreditLedger>();

    /// <summary>Enrichment definitions by name.</summary>
    public IEnrichmentDefinitionStore EnrichmentDefinitions => _provider.GetRequiredService<IEnrichmentDefinitionStore>();

    /// <summary>Enrichment run history.</summary>
    public IEnrichmentRunStore EnrichmentRuns => _provider.GetRequiredService<IEnrichmentRunStore>();

    /// <summary>What each enrichment run got for each record.</summary>
    public IEnrichmentOutputStore EnrichmentOutputs => _provider.GetRequiredService<IEnrichmentOutputStore>();

    /// <summary>Signal definitions by name.</summary>
    public ISignalDefinitionStore SignalDefinitions => _provider.GetRequiredService<ISignalDefinitionStore>();

    /// <summary>Signal run history and how far each record has been checked.</summary>
    public ISignalRunStore SignalRuns => _provider.GetRequiredService<ISignalRunStore>();

    /// <summary>Export definitions by name.</summary>
    public IExportDefinitionStore ExportDefinitions => _provider.GetRequiredService<IExportDefinitionStore>();

    /// <summary>Export runs and checkpoints.</summary>
    public IExportRunStore ExportRuns => _provider.GetRequiredService<IExportRunStore>();

    /// <summary>The export outcome ledger and the records whose last write failed.</summary>
    public IExportOutcomeStore ExportOutcomes => _provider.GetRequiredService<IExportOutcomeStore>();

    internal Action<AudiencesOptions> Options { get; }

    /// <inheritdoc />
    public void Dispose() => _provider.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
