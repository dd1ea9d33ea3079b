using System.Text;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Ads.Meta;

/// <summary>
/// Meta's normalization (Marketing API customer file rules): every value trimmed and lowercased; the email as is;
/// the phone as digits only with its country code and no <c>+</c> (a leading <c>+</c> matches no one); names letters
/// only; the country two letters; the zip code the part before a <c>-</c>. Meta matches on the email or the phone;
/// names, country and zip only refine a match, so a person without either is not usable.
/// </summary>
internal sealed class MetaNormalizer(string? phoneRegion)
{
    public static string? Email(string raw)
    {
        var email = raw.Trim().ToLowerInvariant();
        return AdEmail.IsAddress(email) ? email : null;
    }

    public static string? Name(string raw)
    {
        // Letters only, in any script: Meta asks for UTF-8 for special characters rather than dropping them.
        var letters = new StringBuilder(raw.Length);
        foreach (var c in raw.Trim().Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (char.IsLetter(c))
            {
                letters.Append(c);
            }
        }

        return letters.Length == 0 ? null : letters.ToString();
    }

    public static string? Country(string raw) => AdCountry.Code(raw)?.ToLowerInvariant();

    public static string? Zip(string raw)
    {
        var zip = raw.Trim().ToLowerInvariant().Split('-')[0].Trim();
        return zip.Length == 0 ? null : zip;
    }

    /// <summary>The phone in E.164 without its <c>+</c>: country code and number, digits only.</summary>
    public string? Phone(string raw, string? country, out string? reason) =>
        AdPhone.ToE164(raw, AdCountry.PhoneRegion(country, phoneRegion), out reason)?[1..];

    /// <summary>The person, or null with the reason none of their values can be matched.</summary>
    public MetaPerson? Person(IReadOnlyDictionary<string, FieldValue> values, out string? reason)
    {
        var rawEmail = AdValues.Text(values, AdFields.Email);
        var rawPhone = AdValues.Text(values, AdFields.Phone);
        var rawCountry = AdValues.Text(values, AdFields.Country);
        var email = rawEmail is null ? null : Email(rawEmail);
        string? phoneReason = null;
        var phone = rawPhone is null ? null : Phone(rawPhone, AdCountry.Code(rawCountry), out phoneReason);
        if (email is null && phone is null)
        {
            reason = AdReasons.NoIdentifier("Meta", "an email or a phone", rawEmail is null ? null : AdEmail.NotAnAddress, phoneReason);
            return null;
        }

        reason = null;
        return new MetaPerson(
            email,
            phone,
            AdValues.Text(values, AdFields.FirstName) is { } first ? Name(first) : null,
            AdValues.Text(values, AdFields.LastName) is { } last ? Name(last) : null,
            rawCountry is null ? null : Country(rawCountry),
            AdValues.Text(values, AdFields.Zip) is { } zip ? Zip(zip) : null);
    }
}
