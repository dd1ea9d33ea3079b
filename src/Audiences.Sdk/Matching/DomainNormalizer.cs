using System.Globalization;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Domain rule: strip scheme, credentials, path, query, fragment, port and a trailing dot; drop
/// a leading <c>www.</c>; lower-case; convert international names to punycode.
/// <c>HTTPS://WWW.Example.com:443/about?x=1</c> and <c>example.com.</c> both give <c>example.com</c>.
/// </summary>
internal static class DomainNormalizer
{
    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;
    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    public static AliasNormalization Normalize(string raw)
    {
        var s = raw.AsSpan().Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }

        var end = s.IndexOfAny('/', '?', '#');
        if (end >= 0)
        {
            s = s[..end];
        }

        var at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s[(at + 1)..];
        }

        var colon = s.IndexOf(':');
        if (colon >= 0)
        {
            s = s[..colon];
        }

        s = s.TrimEnd('.');
        if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            s = s[4..];
        }

        return ToAscii(s, raw);
    }

    /// <summary>Validates and lower-cases a host name; international names go through IDNA to punycode.</summary>
    internal static AliasNormalization ToAscii(ReadOnlySpan<char> host, string raw)
    {
        if (host.Length == 0 || !host.Contains('.'))
        {
            return AliasNormalization.Invalid($"'{raw}' has no domain name with a dot in it");
        }

        // Plain ASCII names, nearly all of them, are checked here without the cost of IDNA.
        if (IsAsciiHost(host))
        {
            return AliasNormalization.Valid(ToLower(host, raw));
        }

        try
        {
            return AliasNormalization.Valid(Idn.GetAscii(host.ToString()).ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return AliasNormalization.Invalid($"'{raw}' is not a valid domain name");
        }
    }

    /// <summary>Whether the host is LDH ASCII (letters, digits, hyphens) in valid labels.</summary>
    private static bool IsAsciiHost(ReadOnlySpan<char> host)
    {
        if (host.Length > MaxHostLength)
        {
            return false;
        }

        var labelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i == host.Length || host[i] == '.')
            {
                var length = i - labelStart;
                if (length is 0 or > MaxLabelLength || host[labelStart] == '-' || host[i - 1] == '-')
                {
                    return false;
                }

                labelStart = i + 1;
            }
            else if (!char.IsAsciiLetterOrDigit(host[i]) && host[i] != '-')
            {
                return false;
            }
        }

        // "xn--" labels must go through IDNA to be validated.
        return !host.Contains("xn--", StringComparison.OrdinalIgnoreCase);
    }

    private static string ToLower(ReadOnlySpan<char> host, string raw)
    {
        // Reuse the caller's string when it already is the normalized host.
        if (host.Length == raw.Length && !host.ContainsAnyInRange('A', 'Z'))
        {
            return raw;
        }

        Span<char> buffer = stackalloc char[host.Length];
        host.ToLowerInvariant(buffer);
        return new string(buffer);
    }
}
