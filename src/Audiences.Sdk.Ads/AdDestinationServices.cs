using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Ads;

/// <summary>What every ad destination factory is built from: the shared options, a logger factory and the clock.</summary>
internal sealed class AdDestinationServices(IOptions<AdPlatformOptions> options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
{
    public AdPlatformOptions Options { get; } = (options ?? throw new ArgumentNullException(nameof(options))).Value;

    public ILoggerFactory LoggerFactory { get; } = loggerFactory ?? NullLoggerFactory.Instance;

    public TimeProvider TimeProvider { get; } = timeProvider ?? TimeProvider.System;

    public AdHttp Http(AdConnection connection, string category, string platform, string audience) =>
        new(connection, TimeProvider, LoggerFactory.CreateLogger(category), platform, audience);
}
