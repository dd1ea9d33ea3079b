using System.Globalization;

namespace Audiences.Sdk.HubSpot;

// Settings both factories read the same way.
internal static class HubSpotSettings
{
    public static readonly Uri DefaultBaseUrl = new("https://api.hubapi.com/");

    public static Uri BaseUrl(string? text, string kind)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultBaseUrl;
        }

        return Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new ArgumentException($"The hubspot {kind}'s setting 'base-url' is '{text}', which is no http(s) address.", nameof(text));
    }

    public static string Object(string text, string kind) =>
        HubSpotObjects.Names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"The hubspot {kind}'s setting 'object' is '{text}'; it reads contacts, companies or deals.", nameof(text));

    public static int Retries(string? text, string kind) =>
        string.IsNullOrWhiteSpace(text) ? 3
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) ? retries
        : throw new ArgumentException($"The hubspot {kind}'s setting 'retries' is '{text}', which is no count.", nameof(text));
}
