using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Exports.Engine;
using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the export service and its scheduler; the store registers their state, the host its destinations.</summary>
internal static class ExportServiceRegistration
{
    public static void AddExports(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new ExportScheduler(
            sp.GetRequiredService<IExportService>(),
            sp.GetRequiredService<IOptions<AudiencesOptions>>().Value.Sync.PollInterval,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ExportScheduler>>()));
        services.TryAddSingleton<IExportService>(sp =>
        {
            var contracts = sp.GetRequiredService<StoreContracts>();
            return new ExportService(new ExportEnvironment(
                StoreContract.Require<IExportDefinitionStore>(sp),
                StoreContract.Require<IExportRunStore>(sp),
                StoreContract.Require<IExportOutcomeStore>(sp),
                new DestinationCatalog(sp.GetServices<IDestinationFactory>()),
                contracts.Profiles,
                contracts.Changes,
                contracts.Catalog,
                sp.GetRequiredService<IAudienceService>(),
                StoreContract.Require<IAudienceStore>(sp),
                sp.GetRequiredService<IOptions<AudiencesOptions>>().Value.Exports,
                sp.GetRequiredService<TimeProvider>(),
                (ILogger?)sp.GetService<ILogger<ExportService>>() ?? NullLogger.Instance));
        });
    }
}
