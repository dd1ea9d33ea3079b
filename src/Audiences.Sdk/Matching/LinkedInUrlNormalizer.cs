using System.Buffers;

namespace Audiences.Sdk.Matching;

/// <summary>
/// LinkedIn rule: keep only <c>/in/&lt;slug&gt;</c> (or <c>/company/&lt;slug&gt;</c>) with the slug
/// lower-cased and percent-decoded; any scheme, <c>www.</c> or country sub-domain, trailing slash,
/// query or fragment is dropped. The legacy <c>/pub/name/a7/576/b50</c> form maps to
/// <c>/in/name-b50576a7</c>. The result reads <c>linkedin.com/in/slug</c>.
/// </summary>
internal static class LinkedInUrlNormalizer
{
    private const string Host = "linkedin.com";
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static AliasNormalization Normalize(string raw)
    {
        var s = raw.AsSpan().Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }

        var cut = s.IndexOfAny('?', '#');
        if (cut >= 0)
        {
            s = s[..cut];
        }

        var slash = s.IndexOf('/');
        var host = slash < 0 ? s : s[..slash];
        var colon = host.IndexOf(':');
        if (colon >= 0)
        {
            host = host[..colon];
        }

        if (!host.Equals(Host, StringComparison.OrdinalIgnoreCase) && !host.EndsWith("." + Host, StringComparison.OrdinalIgnoreCase))
        {
            return AliasNormalization.Invalid($"'{raw}' is not a linkedin.com URL");
        }

        var path = slash < 0 ? [] : s[(slash + 1)..];
        Span<Range> parts = stackalloc Range[6];
        var count = path.Split(parts, '/', StringSplitOptions.RemoveEmptyEntries);
        if (count >= 2 && IsPageKind(path[parts[0]]))
        {
            var kind = path[parts[0]].ToString().ToLowerInvariant();
            return AliasNormalization.Valid($"{Host}/{kind}/{Slug(path[parts[1]])}");
        }

        // Legacy public profile: /pub/<name>/<a>/<b>/<c> is the same member as /in/<name>-<c><b><a>.
        if (count >= 5 && path[parts[0]].Equals("pub", StringComparison.OrdinalIgnoreCase)
            && IsHexPart(path[parts[2]]) && IsHexPart(path[parts[3]]) && IsHexPart(path[parts[4]]))
        {
            var id = string.Concat(path[parts[4]], path[parts[3]], path[parts[2]].ToString().PadLeft(2, '0')).ToLowerInvariant();
            return AliasNormalization.Valid($"{Host}/in/{Slug(path[parts[1]])}-{id}");
        }

        return AliasNormalization.Invalid($"'{raw}' is not a LinkedIn profile or company page (expected /in/<name> or /company/<name>)");
    }

    private static bool IsPageKind(ReadOnlySpan<char> segment) =>
        segment.Equals("in", StringComparison.OrdinalIgnoreCase) || segment.Equals("company", StringComparison.OrdinalIgnoreCase)
        || segment.Equals("school", StringComparison.OrdinalIgnoreCase) || segment.Equals("showcase", StringComparison.OrdinalIgnoreCase);

    private static string Slug(ReadOnlySpan<char> segment)
    {
        var text = segment.Contains('%') ? Uri.UnescapeDataString(segment.ToString()) : segment.ToString();
        return text.ToLowerInvariant();
    }

    private static bool IsHexPart(ReadOnlySpan<char> part) =>
        part.Length is > 0 and <= 3 && !part.ContainsAnyExcept(HexDigits);
}
