namespace Audiences.Sdk.Matching;

/// <summary>
/// Email rule: trim and lower-case; the domain part follows the domain rule (IDN to punycode);
/// for gmail.com and googlemail.com, dots and a <c>+tag</c> in the local part are dropped and
/// the domain becomes gmail.com, since those mailboxes ignore them.
/// </summary>
internal static class EmailNormalizer
{
    public static AliasNormalization Normalize(string raw)
    {
        var s = raw.AsSpan().Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[7..];
        }

        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1 || s.IndexOf('@') != at || ContainsWhiteSpace(s))
        {
            return AliasNormalization.Invalid($"'{raw}' is not an email address (expected one '@' between a mailbox and a domain)");
        }

        var domain = DomainNormalizer.ToAscii(s[(at + 1)..].TrimEnd('.'), raw);
        if (!domain.IsValid)
        {
            return AliasNormalization.Invalid($"'{raw}' is not an email address: its domain is not valid");
        }

        var local = s[..at];
        var host = domain.Value!;
        if (host is "gmail.com" or "googlemail.com")
        {
            return Gmail(local, raw);
        }

        // The common case: an already normalized address is returned as it came, with no copy.
        if (s.Length == raw.Length && s[(at + 1)..].SequenceEqual(host) && !local.ContainsAnyInRange('A', 'Z') && IsAscii(local))
        {
            return AliasNormalization.Valid(raw);
        }

        return AliasNormalization.Valid(string.Concat(local.ToString().ToLowerInvariant(), "@", host));
    }

    private static AliasNormalization Gmail(ReadOnlySpan<char> local, string raw)
    {
        var plus = local.IndexOf('+');
        if (plus >= 0)
        {
            local = local[..plus];
        }

        var mailbox = local.ToString().Replace(".", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return mailbox.Length == 0
            ? AliasNormalization.Invalid($"'{raw}' has an empty mailbox")
            : AliasNormalization.Valid(mailbox + "@gmail.com");
    }

    private static bool ContainsWhiteSpace(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAscii(ReadOnlySpan<char> s) => System.Text.Ascii.IsValid(s);
}
