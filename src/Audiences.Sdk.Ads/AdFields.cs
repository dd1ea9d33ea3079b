namespace Audiences.Sdk.Ads;

/// <summary>The destination field names the ad-platform destinations take; export mappings write profile fields to them.</summary>
public static class AdFields
{
    /// <summary>The person's email address; the key field of every ad destination.</summary>
    public const string Email = "email";

    /// <summary>The person's phone number, with its country code or in the phone region (Meta and Google).</summary>
    public const string Phone = "phone";

    /// <summary>The person's first (given) name.</summary>
    public const string FirstName = "first_name";

    /// <summary>The person's last (family) name.</summary>
    public const string LastName = "last_name";

    /// <summary>The person's country as an ISO 3166-1 alpha-2 code (<c>US</c>).</summary>
    public const string Country = "country";

    /// <summary>The person's postal code (Meta and Google).</summary>
    public const string Zip = "zip";

    /// <summary>The person's job title (LinkedIn).</summary>
    public const string Title = "title";

    /// <summary>The person's company name (LinkedIn).</summary>
    public const string Company = "company";
}
