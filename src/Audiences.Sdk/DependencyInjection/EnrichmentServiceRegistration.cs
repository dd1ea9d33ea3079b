using Audiences.Sdk.Credits;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Enrichment.Engine;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the enrichment service; the store registers its state, the host its providers and actions.</summary>
internal static class EnrichmentServiceRegistration
{
    public static void AddEnrichments(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new EnrichmentScheduler(
            sp.GetRequiredService<IEnrichmentService>(),
            sp.GetRequiredService<IOptions<AudiencesOptions>>().Value.Sync.PollInterval,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<EnrichmentScheduler>>()));
        services.TryAddSingleton<IEnrichmentService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AudiencesOptions>>().Value;
            var pipeline = options.Providers;

            // A reservation outlives every attempt of the call it pays for, with its waits: a settle after expiry is refused.
            var hold = (pipeline.CallTimeout * (pipeline.MaxRetries + 1)) + (pipeline.RetryDelay * Math.Pow(2, pipeline.MaxRetries + 1)) + TimeSpan.FromMinutes(5);
            return new EnrichmentService(new EnrichmentEnvironment(
                StoreContract.Require<IEnrichmentDefinitionStore>(sp),
                StoreContract.Require<IEnrichmentRunStore>(sp),
                StoreContract.Require<IEnrichmentOutputStore>(sp),
                StoreContract.Require<ICreditLedger>(sp),
                sp.GetRequiredService<IProviderCatalog>(),
                sp.GetRequiredService<IProfileService>(),
                sp.GetRequiredService<IAudienceService>(),
                [.. sp.GetServices<IRecordAction>()],
                hold,
                options.MaxReportedErrors,
                sp.GetRequiredService<TimeProvider>(),
                (ILogger?)sp.GetService<ILogger<EnrichmentService>>() ?? NullLogger.Instance));
        });
    }
}
