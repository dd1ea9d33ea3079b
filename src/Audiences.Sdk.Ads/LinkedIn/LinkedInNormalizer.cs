using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Ads.LinkedIn;

/// <summary>
/// LinkedIn's normalization: the email trimmed and lowercased, then sent as <c>SHA256_EMAIL</c>; first and last name
/// as plain text of at most 35 characters; the country as its ISO 3166-1 alpha-2 code. LinkedIn takes no phone. A
/// person without an email is usable with a first and a last name, which LinkedIn then requires.
/// </summary>
internal static class LinkedInNormalizer
{
    /// <summary>The longest first or last name LinkedIn takes.</summary>
    public const int MaxNameLength = 35;

    public static string? Email(string raw)
    {
        var email = raw.Trim().ToLowerInvariant();
        return AdEmail.IsAddress(email) ? email : null;
    }

    public static string? Name(string raw)
    {
        var name = raw.Trim();
        return name.Length == 0 ? null : name.Length <= MaxNameLength ? name : name[..MaxNameLength].TrimEnd();
    }

    public static string? Plain(string? raw) => raw?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>The person, or null with the reason they cannot be matched.</summary>
    public static LinkedInPerson? Person(IReadOnlyDictionary<string, FieldValue> values, out string? reason)
    {
        var rawEmail = AdValues.Text(values, AdFields.Email);
        var email = rawEmail is null ? null : Email(rawEmail);
        var first = AdValues.Text(values, AdFields.FirstName) is { } f ? Name(f) : null;
        var last = AdValues.Text(values, AdFields.LastName) is { } l ? Name(l) : null;
        if (email is null && (first is null || last is null))
        {
            reason = AdReasons.NoIdentifier("LinkedIn", "an email, or a first and a last name", rawEmail is null ? null : AdEmail.NotAnAddress);
            return null;
        }

        reason = null;
        return new LinkedInPerson(
            email,
            first,
            last,
            Plain(AdValues.Text(values, AdFields.Title)),
            Plain(AdValues.Text(values, AdFields.Company)),
            AdCountry.Code(AdValues.Text(values, AdFields.Country)));
    }
}
