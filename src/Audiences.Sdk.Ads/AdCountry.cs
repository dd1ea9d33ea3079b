namespace Audiences.Sdk.Ads;

/// <summary>The country every platform takes: an ISO 3166-1 alpha-2 code, whatever its case or surrounding spaces.</summary>
internal static class AdCountry
{
    /// <summary>The two letters in upper case, or null when the text is not two letters.</summary>
    public static string? Code(string? raw)
    {
        var text = raw?.Trim();
        return text is { Length: 2 } && text.All(char.IsAsciiLetter) ? text.ToUpperInvariant() : null;
    }

    /// <summary>The region a national phone number is read in: the record's own country, else the configured one.</summary>
    public static string? PhoneRegion(string? country, string? configured) =>
        country is not null && AdPhone.IsSupportedRegion(country) ? country : configured;
}
