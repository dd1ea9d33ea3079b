using Audiences.Sdk.Credits;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Signals.Engine;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the signal service and its scheduler; the store registers their state, the host its signal providers.</summary>
internal static class SignalServiceRegistration
{
    public static void AddSignals(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new SignalScheduler(
            sp.GetRequiredService<ISignalService>(),
            sp.GetRequiredService<IOptions<AudiencesOptions>>().Value.Sync.PollInterval,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<SignalScheduler>>()));
        services.TryAddSingleton<ISignalService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AudiencesOptions>>().Value;
            var pipeline = options.Providers;
            var contracts = sp.GetRequiredService<StoreContracts>();

            // A reservation outlives every attempt of the call it pays for, with its waits: a settle after expiry is refused.
            var hold = (pipeline.CallTimeout * (pipeline.MaxRetries + 1)) + (pipeline.RetryDelay * Math.Pow(2, pipeline.MaxRetries + 1)) + TimeSpan.FromMinutes(5);
            return new SignalService(new SignalEnvironment(
                StoreContract.Require<ISignalDefinitionStore>(sp),
                StoreContract.Require<ISignalRunStore>(sp),
                StoreContract.Require<ICreditLedger>(sp),
                sp.GetRequiredService<IProviderCatalog>(),
                sp.GetRequiredService<IProfileService>(),
                contracts.Profiles,
                contracts.Catalog,
                sp.GetRequiredService<IAudienceService>(),
                hold,
                options.MaxReportedErrors,
                sp.GetRequiredService<TimeProvider>(),
                (ILogger?)sp.GetService<ILogger<SignalService>>() ?? NullLogger.Instance));
        });
    }
}
