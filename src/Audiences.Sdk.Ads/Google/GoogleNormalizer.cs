using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Ads.Google;

/// <summary>
/// Google's normalization (Data Manager API formatting guidelines): the email lowercased with all white space removed,
/// and for <c>gmail.com</c> and <c>googlemail.com</c> the dots and any <c>+suffix</c> of the local part dropped; the
/// phone in E.164 with its <c>+</c>; names lowercased and trimmed, without prefixes (<c>Mrs.</c>) or suffixes
/// (<c>Jr.</c>); the region and postal code sent unhashed.
/// </summary>
internal sealed class GoogleNormalizer(string? phoneRegion)
{
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir" };
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq" };

    public static string? Email(string raw)
    {
        var email = string.Concat(raw.Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        if (!AdEmail.IsAddress(email))
        {
            return null;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        var (local, domain) = (email[..at], email[(at + 1)..]);
        if (domain is "gmail.com" or "googlemail.com")
        {
            var plus = local.IndexOf('+', StringComparison.Ordinal);
            local = (plus >= 0 ? local[..plus] : local).Replace(".", string.Empty, StringComparison.Ordinal);
            if (local.Length == 0)
            {
                return null;
            }
        }

        return $"{local}@{domain}";
    }

    public static string? Name(string raw)
    {
        var words = raw.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && Prefixes.Contains(words[0].TrimEnd('.')))
        {
            words.RemoveAt(0);
        }

        while (words.Count > 1 && Suffixes.Contains(words[^1].TrimEnd('.').TrimStart(',')))
        {
            words.RemoveAt(words.Count - 1);
        }

        var name = string.Join(' ', words).TrimEnd(',');
        return name.Length == 0 ? null : name;
    }

    public static string? PostalCode(string raw)
    {
        var code = raw.Trim();
        return code.Length == 0 ? null : code;
    }

    /// <summary>The phone in E.164, with its <c>+</c>.</summary>
    public string? Phone(string raw, string? country, out string? reason) =>
        AdPhone.ToE164(raw, AdCountry.PhoneRegion(country, phoneRegion), out reason);

    /// <summary>The person, or null with the reason none of their identifiers is usable.</summary>
    public GooglePerson? Person(IReadOnlyDictionary<string, FieldValue> values, out string? reason)
    {
        var rawEmail = AdValues.Text(values, AdFields.Email);
        var rawPhone = AdValues.Text(values, AdFields.Phone);
        var country = AdCountry.Code(AdValues.Text(values, AdFields.Country));
        var email = rawEmail is null ? null : Email(rawEmail);
        string? phoneReason = null;
        var phone = rawPhone is null ? null : Phone(rawPhone, country, out phoneReason);
        var first = AdValues.Text(values, AdFields.FirstName) is { } f ? Name(f) : null;
        var last = AdValues.Text(values, AdFields.LastName) is { } l ? Name(l) : null;
        var zip = AdValues.Text(values, AdFields.Zip) is { } z ? PostalCode(z) : null;
        var address = first is not null && last is not null && country is not null && zip is not null
            ? new GoogleAddress(first, last, country, zip)
            : null;
        if (email is null && phone is null && address is null)
        {
            reason = AdReasons.NoIdentifier(
                "Google",
                "an email, a phone, or first name, last name, country and zip together",
                rawEmail is null ? null : AdEmail.NotAnAddress,
                phoneReason);
            return null;
        }

        reason = null;
        return new GooglePerson(email, phone, address);
    }
}
