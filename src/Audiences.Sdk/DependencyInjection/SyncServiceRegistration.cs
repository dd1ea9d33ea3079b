using Audiences.Sdk.Drafts;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the sync service, its scheduler and the draft service; the store registers their state.</summary>
internal static class SyncServiceRegistration
{
    public static void AddSyncs(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AudiencesOptions>>().Value;
            return new SyncEnvironment(
                sp.GetRequiredService<StoreContracts>(),
                Contract<ISyncDefinitionStore>(sp),
                Contract<ISyncStateStore>(sp),
                Contract<ISourceRecordIndex>(sp),
                new ImportSettings(options.ImportBatchSize, options.MaxReportedErrors, options.GuardRails, options.Survivorship),
                new AliasNormalizer(options.GuardRails, options.DefaultPhoneRegion),
                options.Sync,
                sp.GetRequiredService<TimeProvider>(),
                (ILogger?)sp.GetService<ILogger<SyncService>>() ?? NullLogger.Instance);
        });
        services.TryAddSingleton<ISyncService>(sp => new SyncService(sp.GetRequiredService<SyncEnvironment>(), sp.GetServices<Sources.ISourceFactory>()));
        services.TryAddSingleton(sp => new SyncScheduler(
            sp.GetRequiredService<ISyncService>(),
            sp.GetRequiredService<IOptions<AudiencesOptions>>().Value.Sync.PollInterval,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SyncScheduler>>()));
        services.TryAddSingleton<IDraftService>(sp => new DraftService(
            Contract<IDraftStore>(sp),
            sp.GetServices<ISearchProvider>(),
            sp.GetRequiredService<IProfileService>(),
            sp.GetRequiredService<TimeProvider>()));
    }

    private static T Contract<T>(IServiceProvider services)
        where T : class =>
        services.GetService<T>() ?? throw new InvalidOperationException(
            $"The configured store registers no {typeof(T).Name}. A store registers it beside the contracts of Audiences.Sdk.Storage "
            + "in its UseXxx() method; call UseSqlite(...) or UseInMemory(), or see docs/stores.md for writing a store.");
}
