using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.DependencyInjection;

internal sealed class AudiencesBuilder(IServiceCollection services) : IAudiencesBuilder
{
    public IServiceCollection Services { get; } = services;
}
