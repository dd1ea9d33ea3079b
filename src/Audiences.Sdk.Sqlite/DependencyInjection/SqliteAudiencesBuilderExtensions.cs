using Audiences.Sdk.Credits;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Sqlite;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the SQLite store.</summary>
public static class SqliteAudiencesBuilderExtensions
{
    /// <summary>
    /// Uses a SQLite database as the store, e.g. <c>UseSqlite("Data Source=audiences.db")</c>.
    /// The options are validated when the host starts; the store opens the database (creating it and
    /// applying migrations) when it is first resolved, and closes it with the service provider.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The SQLite connection string, e.g. <c>Data Source=audiences.db</c> or <c>Data Source=:memory:</c>.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or blank.</exception>
    public static IAudiencesBuilder UseSqlite(this IAudiencesBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseSqlite(options => options.ConnectionString = connectionString);
    }

    /// <summary>
    /// Uses a SQLite database as the store, configured by <paramref name="configure"/>. Every store contract
    /// (profiles, filters, ledgers, review queue, catalog, related records, change feed, audiences, the source-record
    /// index, sync definitions and state, drafts, the credit ledger, enrichment definitions, runs and outputs, signal definitions, runs and checks, export definitions, runs, checkpoints and outcomes) is served from the one file, so any of them can be decorated (<c>DecorateStore</c>) without the others noticing.
    /// The options are validated when the host starts. Filters read "now" from the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets <see cref="SqliteStoreOptions.ConnectionString"/> and the other settings.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IAudiencesBuilder UseSqlite(this IAudiencesBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<SqliteStoreOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton(sp => new SqliteStore(
            sp.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, sp.GetService<TimeProvider>())));
        Use<IProfileStore>(services, sp => new SqliteProfileStore(sp.GetRequiredService<SqliteStore>()));
        Use<IProfileQueryStore>(services, sp => new SqliteProfileQueries(sp.GetRequiredService<SqliteStore>()));
        Use<IMergeLedger>(services, sp => new SqliteMergeLedger(sp.GetRequiredService<SqliteStore>()));
        Use<IReviewQueue>(services, sp => new SqliteReviewQueue(sp.GetRequiredService<SqliteStore>()));
        Use<IFieldCatalog>(services, sp => new SqliteFieldCatalog(sp.GetRequiredService<SqliteStore>()));
        Use<IRelatedRecordStore>(services, sp => new SqliteRelatedRecordStore(sp.GetRequiredService<SqliteStore>()));
        Use<IChangeFeed>(services, sp => new SqliteChangeFeed(sp.GetRequiredService<SqliteStore>()));
        Use<IAudienceStore>(services, sp => new SqliteAudienceStore(sp.GetRequiredService<SqliteStore>()));
        Use<ISourceRecordIndex>(services, sp => new SqliteSourceRecordIndex(sp.GetRequiredService<SqliteStore>()));
        Use<ISyncDefinitionStore>(services, sp => new SqliteSyncDefinitionStore(sp.GetRequiredService<SqliteStore>()));
        Use<ISyncStateStore>(services, sp => new SqliteSyncStateStore(sp.GetRequiredService<SqliteStore>()));
        Use<IDraftStore>(services, sp => new SqliteDraftStore(sp.GetRequiredService<SqliteStore>()));
        Use<ICreditLedger>(services, sp => new SqliteCreditLedger(sp.GetRequiredService<SqliteStore>()));
        Use<IEnrichmentDefinitionStore>(services, sp => new SqliteEnrichmentDefinitionStore(sp.GetRequiredService<SqliteStore>()));
        Use<IEnrichmentRunStore>(services, sp => new SqliteEnrichmentRunStore(sp.GetRequiredService<SqliteStore>()));
        Use<IEnrichmentOutputStore>(services, sp => new SqliteEnrichmentOutputStore(sp.GetRequiredService<SqliteStore>()));
        Use<ISignalDefinitionStore>(services, sp => new SqliteSignalDefinitionStore(sp.GetRequiredService<SqliteStore>()));
        Use<ISignalRunStore>(services, sp => new SqliteSignalRunStore(sp.GetRequiredService<SqliteStore>()));
        Use<IExportDefinitionStore>(services, sp => new SqliteExportDefinitionStore(sp.GetRequiredService<SqliteStore>()));
        Use<IExportRunStore>(services, sp => new SqliteExportRunStore(sp.GetRequiredService<SqliteStore>()));
        Use<IExportOutcomeStore>(services, sp => new SqliteExportOutcomeStore(sp.GetRequiredService<SqliteStore>()));
        return builder.UseStore("sqlite");
    }

    private static void Use<TContract>(IServiceCollection services, Func<IServiceProvider, TContract> factory)
        where TContract : class =>
        services.Replace(ServiceDescriptor.Singleton(factory));
}
