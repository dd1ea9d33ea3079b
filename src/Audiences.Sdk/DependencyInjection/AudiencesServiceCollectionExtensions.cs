using Audiences.Sdk;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Lives in this namespace so AddAudiences is found wherever services are configured.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Audiences.Sdk in a service collection.</summary>
public static class AudiencesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the SDK's services (<see cref="IProfileService"/>, <see cref="IAudienceService"/> and their
    /// dependencies, <see cref="Audiences.Sdk.DataHub.IDataHubService"/>, and the offline <see cref="PhraseFilterInterpreter"/> as <see cref="IFilterInterpreter"/>). Safe to call
    /// more than once. Choose a store inside <paramref name="configure"/>, e.g.
    /// <c>services.AddAudiences(b =&gt; b.UseSqlite("Data Source=audiences.db"))</c>; the options are
    /// validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the store and options.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IAudiencesBuilder AddAudiences(this IServiceCollection services, Action<IAudiencesBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AudiencesOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AudiencesOptions>, AudiencesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(StoreContracts.From);
        services.TryAddSingleton<IProfileService, ProfileService>();
        services.TryAddSingleton<IFilterInterpreter>(_ => new PhraseFilterInterpreter());
        services.TryAddSingleton<IAudienceService>(sp => new AudienceService(
            sp.GetRequiredService<StoreContracts>(),
            sp.GetService<IAudienceStore>() ?? throw new InvalidOperationException(
                "The configured store registers no IAudienceStore. A store registers it beside the contracts of Audiences.Sdk.Storage "
                + "in its UseXxx() method; call UseSqlite(...) or UseInMemory(), or see docs/stores.md for writing a store."),
            sp.GetRequiredService<IProfileService>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<AudienceService>>()));
        services.AddSyncs();
        services.AddProviders();
        services.AddEnrichments();
        services.AddSignals();
        services.AddExports();
        services.AddDataHub();

        var builder = new AudiencesBuilder(services);
        configure?.Invoke(builder);
        return builder;
    }
}
