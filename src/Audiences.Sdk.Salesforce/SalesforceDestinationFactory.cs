using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce;

/// <summary>
/// Opens <see cref="SalesforceDestination"/>s from settings of type <c>salesforce</c>: <c>instance-url</c>,
/// <c>object</c>, <c>token</c> (unless the host registers an <see cref="ISalesforceTokenProvider"/>), and optionally
/// <c>key</c> (<c>Id</c>, the default, to update and remove by record id; or an external id field to upsert by),
/// <c>fields</c> (the API names written, comma-separated; a write naming another field fails alone) and
/// <c>api-version</c> (default <c>62.0</c>).
/// </summary>
public sealed class SalesforceDestinationFactory : IDestinationFactory
{
    /// <summary>The destination type this factory opens.</summary>
    public const string DestinationType = "salesforce";

    private readonly SalesforceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The token provider, the HTTP handler, polling and retries.</param>
    /// <param name="timeProvider">The clock polls wait on; the system clock when null.</param>
    /// <param name="loggerFactory">Where the destinations log their jobs, pages, retries and API usage; nowhere when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SalesforceDestinationFactory(IOptions<SalesforceOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<SalesforceDestination>() ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Type => DestinationType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings are of another type, or one is missing or malformed.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(settings.Type, DestinationType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The Salesforce destination factory opens destinations of type '{DestinationType}', not '{settings.Type}'.", nameof(settings));
        }

        var parsed = SalesforceSettings.Read("destination", n => settings[n], settings.Required);
        var key = settings["key"] is { Length: > 0 } k ? k.Trim() : "Id";
        if (!key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"The {DestinationType} destination's setting 'key' is '{key}', which is no field API name.", nameof(settings));
        }

        return new SalesforceDestination(parsed, key, _options, _time, _logger);
    }
}
