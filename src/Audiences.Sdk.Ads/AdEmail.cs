namespace Audiences.Sdk.Ads;

/// <summary>The checks every platform's email rule shares: one <c>@</c> between a local part and a dotted domain.</summary>
internal static class AdEmail
{
    /// <summary>Whether <paramref name="email"/>, already trimmed and lowercased, has the shape of an address.</summary>
    public static bool IsAddress(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == email.LastIndexOf('@')
            && at < email.Length - 1
            && email.IndexOf('.', at) > at + 1
            && !email.EndsWith('.')
            && !email.Any(char.IsWhiteSpace);
    }

    public const string NotAnAddress = "the email is not an address";
}
