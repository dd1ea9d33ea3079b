using System.Globalization;
using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Ads;

/// <summary>Reads the settings every ad destination shares (<c>token</c>, <c>endpoint</c>, <c>batch-size</c>, <c>phone-region</c>) and checks them.</summary>
internal static class AdSettings
{
    public static void CheckType(DestinationSettings settings, string type)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!string.Equals(settings.Type, type, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"This factory creates destinations of type '{type}', not '{settings.Type}'.", nameof(settings));
        }
    }

    public static AdConnection Connection(DestinationSettings settings, AdPlatformOptions options, string defaultEndpoint, int maxBatchSize) =>
        new(Endpoint(settings, defaultEndpoint), settings.Required("token").Trim(), options.HttpHandler, options.RequestTimeout, BatchSize(settings, maxBatchSize));

    /// <summary>The base URL, always ending in <c>/</c> so relative paths append to it (a proxy's path prefix is kept).</summary>
    public static Uri Endpoint(DestinationSettings settings, string defaultEndpoint)
    {
        var text = settings["endpoint"] is { } given && !string.IsNullOrWhiteSpace(given) ? given.Trim() : defaultEndpoint;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The {settings.Type} destination's setting 'endpoint' is '{text}', which is no http or https URL.", nameof(settings));
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }

    public static int BatchSize(DestinationSettings settings, int max)
    {
        if (settings["batch-size"] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return max;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1 && size <= max
            ? size
            : throw new ArgumentException($"The {settings.Type} destination's setting 'batch-size' is '{text}'; it must be a whole number from 1 to {max}.", nameof(settings));
    }

    public static string? PhoneRegion(DestinationSettings settings, AdPlatformOptions options)
    {
        if (settings["phone-region"] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return options.DefaultPhoneRegion?.Trim().ToUpperInvariant();
        }

        return AdPhone.IsSupportedRegion(text)
            ? text.Trim().ToUpperInvariant()
            : throw new ArgumentException($"The {settings.Type} destination's setting 'phone-region' is '{text}', which is no region code (write e.g. 'US' or 'GB').", nameof(settings));
    }

    /// <summary>
    /// The digits of an id setting, after an optional prefix (<c>act_</c>, a URN) and without the dashes Google shows in
    /// account ids (<c>123-456-7890</c>).
    /// </summary>
    public static string Id(DestinationSettings settings, string name, string? prefix = null, bool dashes = false)
    {
        var text = settings.Required(name).Trim();
        var id = prefix is not null && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..] : text;
        if (dashes)
        {
            id = id.Replace("-", string.Empty, StringComparison.Ordinal);
        }

        return id.Length > 0 && id.All(char.IsAsciiDigit)
            ? id
            : throw new ArgumentException(
                $"The {settings.Type} destination's setting '{name}' is '{text}'; it must be a numeric id{(prefix is null ? string.Empty : $" (optionally written {prefix}<id>)")}.",
                nameof(settings));
    }

    public static string Word(DestinationSettings settings, string name, string fallback)
    {
        var text = settings[name] is { } given && !string.IsNullOrWhiteSpace(given) ? given.Trim() : fallback;
        return text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_')
            ? text
            : throw new ArgumentException($"The {settings.Type} destination's setting '{name}' is '{text}', which has characters a version or type name cannot have.", nameof(settings));
    }
}
