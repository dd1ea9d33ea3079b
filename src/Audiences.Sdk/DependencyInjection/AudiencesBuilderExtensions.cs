using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Core configuration methods of <see cref="IAudiencesBuilder"/>.</summary>
public static class AudiencesBuilderExtensions
{
    /// <summary>Changes <see cref="AudiencesOptions"/>; validated at start-up.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IAudiencesBuilder Configure(this IAudiencesBuilder builder, Action<AudiencesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Names the store in use (shown in diagnostics, e.g. <c>sqlite</c>). Store packages call this from their
    /// <c>UseXxx</c> method after registering every contract of <c>Audiences.Sdk.Storage</c> as a singleton;
    /// the last store configured wins.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The store's name.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static IAudiencesBuilder UseStore(this IAudiencesBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.Configure<AudiencesOptions>(o => o.StoreName = name);
        return builder;
    }

    /// <summary>
    /// Wraps one contract of the configured store in a decorator, e.g.
    /// <c>b.UseSqlite(cs).DecorateStore&lt;IProfileStore&gt;((inner, _) =&gt; new TimedProfileStore(inner))</c>;
    /// the store's other contracts are untouched. Derive decorators from the <c>Delegating*</c> classes of
    /// <c>Audiences.Sdk.Storage</c>. Call it after the store's <c>UseXxx</c>; decorators applied in turn wrap each other.
    /// </summary>
    /// <typeparam name="TContract">The contract to decorate, e.g. <c>IProfileStore</c> or <c>IMergeLedger</c>.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <param name="decorate">Returns the decorator around the store's instance.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">No store has registered <typeparamref name="TContract"/> yet.</exception>
    public static IAudiencesBuilder DecorateStore<TContract>(this IAudiencesBuilder builder, Func<TContract, IServiceProvider, TContract> decorate)
        where TContract : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(decorate);
        var registered = builder.Services.LastOrDefault(d => d.ServiceType == typeof(TContract) && !d.IsKeyedService)
            ?? throw new InvalidOperationException(
                $"No store has registered {typeof(TContract).Name} yet; call DecorateStore after the store's UseXxx() (for example UseSqlite(...) or UseInMemory()).");

        // The store's own registration moves under a key of its own, so the container still creates, owns and
        // disposes what it created (an instance the host handed in stays the host's); the contract is the decorator.
        var key = new object();
        builder.Services.Remove(registered);
        builder.Services.Add(Keyed(registered, key));
        builder.Services.Add(ServiceDescriptor.Describe(
            typeof(TContract), services => decorate(services.GetRequiredKeyedService<TContract>(key), services), registered.Lifetime));
        return builder;
    }

    private static ServiceDescriptor Keyed(ServiceDescriptor registered, object key) =>
        registered.ImplementationInstance is { } instance ? new ServiceDescriptor(registered.ServiceType, key, instance)
        : registered.ImplementationFactory is { } factory ? new ServiceDescriptor(registered.ServiceType, key, (services, _) => factory(services), registered.Lifetime)
        : new ServiceDescriptor(registered.ServiceType, key, registered.ImplementationType!, registered.Lifetime);
}
