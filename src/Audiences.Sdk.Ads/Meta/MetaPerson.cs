namespace Audiences.Sdk.Ads.Meta;

/// <summary>One person as Meta's multi-key schema takes them: each value normalized by Meta's rules, not yet hashed.</summary>
internal sealed record MetaPerson(string? Email, string? Phone, string? FirstName, string? LastName, string? Country, string? Zip)
{
    /// <summary>The schema keys in the order the payload's columns follow.</summary>
    public static readonly IReadOnlyList<string> Keys = ["EMAIL", "PHONE", "FN", "LN", "COUNTRY", "ZIP"];

    /// <summary>The value of schema key <paramref name="index"/> (in <see cref="Keys"/> order), or null.</summary>
    public string? this[int index] => index switch
    {
        0 => Email,
        1 => Phone,
        2 => FirstName,
        3 => LastName,
        4 => Country,
        5 => Zip,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
