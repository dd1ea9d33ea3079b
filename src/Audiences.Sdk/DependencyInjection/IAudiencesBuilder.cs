namespace Audiences.Sdk.DependencyInjection;

/// <summary>
/// Configures the SDK inside <c>services.AddAudiences(...)</c>. Store, source and provider
/// packages add extension methods to it (<c>UseSqlite</c>, <c>UseInMemory</c>, …).
/// </summary>
public interface IAudiencesBuilder
{
    /// <summary>The service collection the SDK registers into, for adapter wiring.</summary>
    Microsoft.Extensions.DependencyInjection.IServiceCollection Services { get; }
}
