namespace Audiences.Sdk.Ads.LinkedIn;

/// <summary>
/// One person as LinkedIn's DMP segment users endpoint takes them: the normalized email (hashed when sent) and the
/// plain-text name, title, company and country that help the match.
/// </summary>
internal sealed record LinkedInPerson(string? Email, string? FirstName, string? LastName, string? Title, string? Company, string? Country);
