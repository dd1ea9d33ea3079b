using Audiences.Sdk.Credits;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Exports;
using Audiences.Sdk.InMemory;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the in-memory store.</summary>
public static class InMemoryAudiencesBuilderExtensions
{
    /// <summary>
    /// Uses a store held in process memory; nothing survives the process. Good for tests and rebuilt caches.
    /// Every store contract (profiles, filters, ledgers, review queue, catalog, related records, change feed,
    /// audiences, the source-record index, sync definitions and state, drafts, the credit ledger, enrichment definitions, runs and outputs, signal definitions, runs and checks, export definitions, runs, checkpoints and outcomes) is served from one set of data. Filters read "now" from the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder UseInMemory(this IAudiencesBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.Replace(ServiceDescriptor.Singleton(sp => new InMemoryStore(sp.GetService<TimeProvider>())));
        Use<IProfileStore>(services, sp => new InMemoryProfileStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IProfileQueryStore>(services, sp => new InMemoryProfileQueries(sp.GetRequiredService<InMemoryStore>()));
        Use<IMergeLedger>(services, sp => new InMemoryMergeLedger(sp.GetRequiredService<InMemoryStore>()));
        Use<IReviewQueue>(services, sp => new InMemoryReviewQueue(sp.GetRequiredService<InMemoryStore>()));
        Use<IFieldCatalog>(services, sp => new InMemoryFieldCatalog(sp.GetRequiredService<InMemoryStore>()));
        Use<IRelatedRecordStore>(services, sp => new InMemoryRelatedRecordStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IChangeFeed>(services, sp => new InMemoryChangeFeed(sp.GetRequiredService<InMemoryStore>()));
        Use<IAudienceStore>(services, _ => new InMemoryAudienceStore());
        Use<ISourceRecordIndex>(services, sp => new InMemorySourceRecordIndex(sp.GetRequiredService<InMemoryStore>()));
        Use<ISyncDefinitionStore>(services, sp => new InMemorySyncDefinitionStore(sp.GetRequiredService<InMemoryStore>()));
        Use<ISyncStateStore>(services, sp => new InMemorySyncStateStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IDraftStore>(services, sp => new InMemoryDraftStore(sp.GetRequiredService<InMemoryStore>()));
        Use<ICreditLedger>(services, sp => new InMemoryCreditLedger(sp.GetRequiredService<InMemoryStore>()));
        Use<IEnrichmentDefinitionStore>(services, sp => new InMemoryEnrichmentDefinitionStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IEnrichmentRunStore>(services, sp => new InMemoryEnrichmentRunStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IEnrichmentOutputStore>(services, sp => new InMemoryEnrichmentOutputStore(sp.GetRequiredService<InMemoryStore>()));
        Use<ISignalDefinitionStore>(services, sp => new InMemorySignalDefinitionStore(sp.GetRequiredService<InMemoryStore>()));
        Use<ISignalRunStore>(services, sp => new InMemorySignalRunStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IExportDefinitionStore>(services, sp => new InMemoryExportDefinitionStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IExportRunStore>(services, sp => new InMemoryExportRunStore(sp.GetRequiredService<InMemoryStore>()));
        Use<IExportOutcomeStore>(services, sp => new InMemoryExportOutcomeStore(sp.GetRequiredService<InMemoryStore>()));
        return builder.UseStore("in-memory");
    }

    private static void Use<TContract>(IServiceCollection services, Func<IServiceProvider, TContract> factory)
        where TContract : class =>
        services.Replace(ServiceDescriptor.Singleton(factory));
}
