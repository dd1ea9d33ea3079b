using System.Globalization;

namespace Audiences.Sdk.Matching;

/// <summary>
/// LinkedIn rule: keep only <c>/in/&lt;slug&gt;</c> (or <c>/company/&lt;slug&gt;</c>) with the slug
/// lower-cased and percent-decoded; any scheme, <c>www.</c> or country sub-domain, trailing slash,
/// query or fragment is dropped. The legacy <c>/pub/name/a7/576/b50</c> form maps to
/// <c>/in/name-b50576a7</c>. The result reads <c>linkedin.com/in/slug</c>.
/// </summary>
internal static class LinkedInUrlNormalizer
{
    public static AliasNormalization Normalize(string raw)
    {
        var s = raw.Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }

        var cut = s.IndexOfAny(['?', '#']);
        if (cut >= 0)
        {
            s = s[..cut];
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        var host = (slash < 0 ? s : s[..slash]).ToLowerInvariant();
        var colon = host.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            host = host[..colon];
        }

        if (host != "linkedin.com" && !host.EndsWith(".linkedin.com", StringComparison.Ordinal))
        {
            return AliasNormalization.Invalid($"'{raw}' is not a linkedin.com URL");
        }

        var segments = (slash < 0 ? string.Empty : s[(slash + 1)..])
            .Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Uri.UnescapeDataString(p).ToLowerInvariant())
            .ToArray();

        if (segments.Length >= 2 && segments[0] is "in" or "company" or "school" or "showcase")
        {
            return AliasNormalization.Valid($"linkedin.com/{segments[0]}/{segments[1]}");
        }

        // Legacy public profile: /pub/<name>/<a>/<b>/<c> is the same member as /in/<name>-<c><b><a>.
        if (segments.Length >= 5 && segments[0] == "pub" && segments[2..5].All(IsHexPart))
        {
            var id = string.Concat(segments[4], segments[3], segments[2].PadLeft(2, '0'));
            return AliasNormalization.Valid(string.Create(CultureInfo.InvariantCulture, $"linkedin.com/in/{segments[1]}-{id}"));
        }

        return AliasNormalization.Invalid($"'{raw}' is not a LinkedIn profile or company page (expected /in/<name> or /company/<name>)");
    }

    private static bool IsHexPart(string part) => part.Length is > 0 and <= 3 && part.All(char.IsAsciiHexDigit);
}
