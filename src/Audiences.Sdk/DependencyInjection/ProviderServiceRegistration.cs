using Audiences.Sdk.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the provider catalog, and the start-up check of the registered providers' names.</summary>
internal static class ProviderServiceRegistration
{
    public static void AddProviders(this IServiceCollection services)
    {
        services.TryAddSingleton<IProviderCatalog>(sp => new ProviderCatalog(
            sp.GetServices<Enrichment.IEnrichmentProvider>(),
            sp.GetServices<Signals.ISignalProvider>(),
            sp.GetRequiredService<IOptions<AudiencesOptions>>().Value.Providers,
            sp.GetRequiredService<TimeProvider>(),
            (ILogger?)sp.GetService<ILogger<IProviderCatalog>>() ?? NullLogger.Instance));

        // Names are known only once the providers exist, so they are checked as options of their own, when the host starts.
        services.AddOptions<ProviderNamesCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderNamesCheck>, ProviderNamesValidator>(
            sp => new ProviderNamesValidator(sp)));
    }
}
