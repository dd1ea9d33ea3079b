using System.Globalization;
using Audiences.Sdk.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audiences.Sdk.HubSpot;

/// <summary>
/// Opens <see cref="HubSpotSource"/>s from settings of type <c>hubspot</c>: <c>token</c> (a private app's access
/// token), <c>object</c> (<c>contacts</c>, <c>companies</c> or <c>deals</c>), and optionally <c>base-url</c> (default
/// <c>https://api.hubapi.com</c>), <c>properties</c> (more properties to read, comma-separated, read under their own
/// names), <c>overlap</c> (seconds an incremental read goes back before its cursor, for records HubSpot's search
/// indexes late; default 0) and <c>retries</c> (how often a rate-limited call is retried after the window HubSpot
/// names; default 3).
/// </summary>
public sealed class HubSpotSourceFactory : ISourceFactory
{
    /// <summary>The source type this factory opens.</summary>
    public const string SourceType = "hubspot";

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the factory.</summary>
    /// <param name="timeProvider">The clock the sources bound reads and wait out rate limits with; the system clock when null.</param>
    /// <param name="handler">The HTTP handler the sources call through; a default one when null.</param>
    /// <param name="loggerFactory">Where the sources log their pages, rate limits and results; nowhere when null.</param>
    public HubSpotSourceFactory(TimeProvider? timeProvider = null, HttpMessageHandler? handler = null, ILoggerFactory? loggerFactory = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<HubSpotSource>() ?? NullLogger.Instance;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
    }

    /// <inheritdoc />
    public string Type => SourceType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public ISource Create(SourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(settings.Type, SourceType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The HubSpot source factory opens sources of type '{SourceType}', not '{settings.Type}'.", nameof(settings));
        }

        var objectType = HubSpotSettings.Object(settings.Required("object"), "source");
        var client = new HubSpotClient(_http, HubSpotSettings.BaseUrl(settings["base-url"], "source"), settings.Required("token"), _time, HubSpotSettings.Retries(settings["retries"], "source"), _logger);
        var extra = (settings["properties"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var overlap = settings["overlap"] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"The hubspot source's setting 'overlap' is '{text}', which is no number of seconds.", nameof(settings))
            : TimeSpan.Zero;
        return new HubSpotSource(client, objectType, extra, overlap, _time);
    }
}
