using System.Globalization;
using Audiences.Sdk.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Salesforce;

/// <summary>
/// Opens <see cref="SalesforceSource"/>s from settings of type <c>salesforce</c>: <c>instance-url</c>, <c>object</c>
/// (<c>Contact</c>, <c>Lead</c>, <c>Account</c>, <c>Opportunity</c> or another object's API name), <c>token</c> (unless
/// the host registers an <see cref="ISalesforceTokenProvider"/>), and optionally <c>api-version</c> (default
/// <c>62.0</c>), <c>overlap</c> (<c>00:05:00</c> or <c>5m</c>; default 5 minutes) and <c>fields</c> (the API names to
/// read, comma-separated, instead of the object's standard ones).
/// </summary>
public sealed class SalesforceSourceFactory : ISourceFactory
{
    /// <summary>The source type this factory opens.</summary>
    public const string SourceType = "salesforce";

    private readonly SalesforceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">The token provider, the HTTP handler, polling and retries.</param>
    /// <param name="timeProvider">The clock polls wait on; the system clock when null.</param>
    /// <param name="loggerFactory">Where the sources log their jobs, pages, retries and API usage; nowhere when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SalesforceSourceFactory(IOptions<SalesforceOptions> options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)loggerFactory?.CreateLogger<SalesforceSource>() ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Type => SourceType;

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    /// <exception cref="ArgumentException">The settings are of another type, or one is missing or malformed.</exception>
    public ISource Create(SourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(settings.Type, SourceType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The Salesforce source factory opens sources of type '{SourceType}', not '{settings.Type}'.", nameof(settings));
        }

        var parsed = SalesforceSettings.Read("source", n => settings[n], settings.Required);
        var overlap = settings["overlap"] is { Length: > 0 } text
            ? ParseDuration(text) ?? throw new ArgumentException($"The {SourceType} source's setting 'overlap' is '{text}', which is no duration; write e.g. '00:05:00' or '5m'.", nameof(settings))
            : TimeSpan.FromMinutes(5);
        return new SalesforceSource(parsed, overlap, _options, _time, _logger);
    }

    internal static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
        {
            return span;
        }

        var unit = text.EndsWith("ms", StringComparison.Ordinal) ? "ms" : text.Length > 0 ? text[^1..] : string.Empty;
        if (!double.TryParse(text[..^unit.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount < 0)
        {
            return null;
        }

        return unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => null,
        };
    }
}
