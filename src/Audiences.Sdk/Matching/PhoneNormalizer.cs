using PhoneNumbers;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Phone rule: parse with libphonenumber and format as E.164 (<c>+16502530000</c>). A number
/// without a country code is read in the default region when one is set; a number that is not
/// valid for its region is not an alias.
/// </summary>
internal sealed class PhoneNormalizer(string? defaultRegion)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Whether libphonenumber knows a region code such as <c>US</c> or <c>GB</c>.</summary>
    public static bool IsSupportedRegion(string region) => Util.GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());

    public AliasNormalization Normalize(string raw)
    {
        var region = defaultRegion?.Trim().ToUpperInvariant() ?? "ZZ";
        try
        {
            var number = Util.Parse(raw.Trim(), region);
            return Util.IsValidNumber(number)
                ? AliasNormalization.Valid(Util.Format(number, PhoneNumberFormat.E164))
                : AliasNormalization.Invalid($"'{raw}' is not a valid phone number for its region");
        }
        catch (NumberParseException e) when (e.ErrorType == ErrorType.INVALID_COUNTRY_CODE && defaultRegion is null)
        {
            return AliasNormalization.Invalid($"'{raw}' has no country code; write it as +<country code> or set AudiencesOptions.DefaultPhoneRegion");
        }
        catch (NumberParseException)
        {
            return AliasNormalization.Invalid($"'{raw}' is not a phone number");
        }
    }
}
