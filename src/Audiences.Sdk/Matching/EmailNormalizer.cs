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
        var s = raw.Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[7..];
        }

        var at = s.LastIndexOf('@');
        if (at <= 0 || at == s.Length - 1 || s.IndexOf('@', StringComparison.Ordinal) != at || s.Any(char.IsWhiteSpace))
        {
            return AliasNormalization.Invalid($"'{raw}' is not an email address (expected one '@' between a mailbox and a domain)");
        }

        var local = s[..at].ToLowerInvariant();
        var domain = DomainNormalizer.ToAscii(s[(at + 1)..].TrimEnd('.').ToLowerInvariant(), raw);
        if (!domain.IsValid)
        {
            return AliasNormalization.Invalid($"'{raw}' is not an email address: its domain is not valid");
        }

        var host = domain.Value!;
        if (host is "gmail.com" or "googlemail.com")
        {
            var plus = local.IndexOf('+', StringComparison.Ordinal);
            if (plus >= 0)
            {
                local = local[..plus];
            }

            local = local.Replace(".", string.Empty, StringComparison.Ordinal);
            host = "gmail.com";
            if (local.Length == 0)
            {
                return AliasNormalization.Invalid($"'{raw}' has an empty mailbox");
            }
        }

        return AliasNormalization.Valid(local + "@" + host);
    }
}
