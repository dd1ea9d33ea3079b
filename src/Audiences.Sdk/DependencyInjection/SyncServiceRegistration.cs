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
                StoreContract.Require<ISyncDefinitionStore>(sp),
                StoreContract.Require<ISyncStateStore>(sp),
                StoreContract.Require<ISourceRecordIndex>(sp),
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
            StoreContract.Require<IDraftStore>(sp),
            sp.GetServices<ISearchProvider>(),
            sp.GetRequiredService<IProfileService>(),
            sp.GetRequiredService<TimeProvider>()));
    }
}
