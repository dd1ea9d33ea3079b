using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>
/// Resolves a store contract a service needs when the service is first resolved, so a store that lacks it fails with a
/// message saying what to register rather than the container's.
/// </summary>
internal static class StoreContract
{
    public static T Require<T>(IServiceProvider services)
        where T : class =>
        services.GetService<T>() ?? throw new InvalidOperationException(
            $"The configured store registers no {typeof(T).Name}. A store registers it beside the contracts of Audiences.Sdk.Storage "
            + "in its UseXxx() method; call UseSqlite(...) or UseInMemory(), or see docs/stores.md for writing a store.");
}
