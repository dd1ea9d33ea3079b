using Audiences.Sdk.DataHub;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the Data Hub over whichever of the enrichment and signal services the host registers.</summary>
internal static class DataHubServiceRegistration
{
    public static void AddDataHub(this IServiceCollection services) =>
        services.TryAddSingleton<IDataHubService>(sp =>
        {
            var contracts = sp.GetRequiredService<StoreContracts>();
            return new DataHubService(
                sp.GetRequiredService<IProfileService>(),
                contracts.Profiles,
                contracts.Catalog,
                sp.GetRequiredService<IAudienceService>(),
                sp.GetService<IEnrichmentService>(),
                sp.GetService<ISignalService>());
        });
}
