namespace Audiences.Sdk.Ads.Google;

/// <summary>
/// One person as Google's Data Manager API takes them, normalized by Google's rules and not yet hashed. The address
/// (names, region and postal code) is only sent whole: Google matches on it only with all four parts.
/// </summary>
internal sealed record GooglePerson(string? Email, string? Phone, GoogleAddress? Address);

/// <summary>The address identifier: the names are hashed, the region and the postal code are sent as they are.</summary>
internal sealed record GoogleAddress(string GivenName, string FamilyName, string RegionCode, string PostalCode);
