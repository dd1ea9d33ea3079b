using System.Globalization;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Domain rule: strip scheme, credentials, path, query, fragment, port and a trailing dot; drop
/// a leading <c>www.</c>; lower-case; convert international names to punycode.
/// <c>HTTPS://WWW.Example.com:443/about?x=1</c> and <c>example.com.</c> both give <c>example.com</c>.
/// </summary>
internal static class DomainNormalizer
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static AliasNormalization Normalize(string raw)
    {
        var s = raw.Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }

        var end = s.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            s = s[..end];
        }

        var at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s[(at + 1)..];
        }

        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            s = s[..colon];
        }

        s = s.TrimEnd('.').ToLowerInvariant();
        if (s.StartsWith("www.", StringComparison.Ordinal))
        {
            s = s[4..];
        }

        return ToAscii(s, raw);
    }

    internal static AliasNormalization ToAscii(string host, string raw)
    {
        if (host.Length == 0 || !host.Contains('.', StringComparison.Ordinal))
        {
            return AliasNormalization.Invalid($"'{raw}' has no domain name with a dot in it");
        }

        try
        {
            var ascii = Idn.GetAscii(host);
            return AliasNormalization.Valid(ascii.ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return AliasNormalization.Invalid($"'{raw}' is not a valid domain name");
        }
    }
}
