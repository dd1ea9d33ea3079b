using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audiences.Sdk.HubSpot;

/// <summary>
/// Creates <see cref="HubSpotDestination"/>s from settings of type <c>hubspot</c>: <c>token</c> (a private app's access
/// token), <c>object</c> (<c>contacts</c>, <c>companies</c> or <c>deals</c>), and optionally <c>base-url</c> (default
/// <c>https://api.hubapi.com</c>), <c>key</c> (<c>id</c>, HubSpot's record id, by default; or a property with unique
/// values such as <c>email</c>, which lets the destination create records by upsert), <c>properties</c> (more
/// properties it writes, comma-separated) and <c>retries</c> (how often a rate-limited call is retried after the
/// window HubSpot names before the call fails; default 0, leaving the wait to the export run).
/// </summary>
public sealed class HubSpotDestinationFactory : IDestinationFactory
{
    /// <summary>The destination type this factory creates.</summary>
    public const string DestinationType = "hubspot";

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the factory.</summary>
    /// <param name="timeProvider">The clock rate-limit retries wait with; the system clock when null.</param>
    /// <param name="handler">The HTTP handler the destinations call through; a default one when null.</param>
    /// <param name="loggerFactory">Where the destinations log their pages, rate limits and results; nowhere when null.</param>
    public HubSpotDestinationFactory(TimeProvider? timeProvider = null, HttpMessageHandler? handler = null, ILoggerFactory? loggerFactory = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<HubSpotDestination>() ?? NullLogger.Instance;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
    }

    /// <inheritdoc />
    public string Type => DestinationType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(settings.Type, DestinationType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The HubSpot destination factory creates destinations of type '{DestinationType}', not '{settings.Type}'.", nameof(settings));
        }

        var objectType = HubSpotSettings.Object(settings.Required("object"), "destination");
        var retries = settings["retries"] is { Length: > 0 } r ? HubSpotSettings.Retries(r, "destination") : 0;
        var client = new HubSpotClient(_http, HubSpotSettings.BaseUrl(settings["base-url"], "destination"), settings.Required("token"), _time, retries, _logger);
        var key = settings["key"] is { Length: > 0 } k && !string.IsNullOrWhiteSpace(k) ? k.Trim() : "id";
        var properties = (settings["properties"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new HubSpotDestination(client, objectType, key, properties);
    }
}
