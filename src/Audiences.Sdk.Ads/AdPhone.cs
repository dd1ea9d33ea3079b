using PhoneNumbers;

namespace Audiences.Sdk.Ads;

/// <summary>
/// Reads a phone number with libphonenumber and gives it in E.164 (<c>+16505551212</c>); each platform then writes it
/// its own way (Meta without the plus, Google with it). A number without a country code is read in the region given,
/// and is not usable without one.
/// </summary>
internal static class AdPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Whether libphonenumber knows a region code such as <c>US</c> or <c>GB</c>.</summary>
    public static bool IsSupportedRegion(string region) => Util.GetSupportedRegions().Contains(region.Trim().ToUpperInvariant());

    /// <summary>The number in E.164, or null with the reason it is not usable (the reason never repeats the number).</summary>
    public static string? ToE164(string raw, string? region, out string? reason)
    {
        reason = null;
        try
        {
            var number = Util.Parse(raw.Trim(), region?.Trim().ToUpperInvariant() ?? "ZZ");
            if (Util.IsValidNumber(number))
            {
                return Util.Format(number, PhoneNumberFormat.E164);
            }

            reason = "the phone is not a valid number for its region";
        }
        catch (NumberParseException e) when (e.ErrorType == ErrorType.INVALID_COUNTRY_CODE && region is null)
        {
            reason = "the phone has no country code (write it as +<country code>, or set a phone region)";
        }
        catch (NumberParseException)
        {
            reason = "the phone is not a phone number";
        }

        return null;
    }
}
