using Audiences.Sdk.Segments;
using Audiences.Sdk.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the in-memory profile and audience stores.</summary>
public static class InMemoryAudiencesBuilderExtensions
{
    /// <summary>
    /// Uses a store held in process memory; nothing survives the process. Good for tests and rebuilt caches.
    /// Filters read "now" from the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IAudiencesBuilder UseInMemory(this IAudiencesBuilder builder)
    {
        builder.UseStore("in-memory", services => new InMemoryProfileStore(services.GetService<TimeProvider>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAudienceStore>(_ => new InMemoryAudienceStore()));
        return builder;
    }
}
