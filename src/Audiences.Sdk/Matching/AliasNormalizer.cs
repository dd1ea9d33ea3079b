namespace Audiences.Sdk.Matching;

/// <summary>
/// Normalizes raw alias values so that variants of one identifier compare equal: emails,
/// LinkedIn URLs and domains. A value that does not normalize is kept as data by the caller but
/// never matched on.
/// </summary>
/// <remarks>Thread-safe: the normalizer holds no mutable state.</remarks>
public sealed class AliasNormalizer
{
    /// <summary>The shared default normalizer.</summary>
    public static AliasNormalizer Default { get; } = new();

    /// <summary>Whether <paramref name="field"/> has a normalization rule.</summary>
    public static bool IsAliasField(string field) =>
        field is AliasFields.Email or AliasFields.LinkedInUrl or AliasFields.Domain or AliasFields.CompanyDomain;

    /// <summary>Normalizes <paramref name="raw"/> by the rule of <paramref name="field"/>.</summary>
    /// <param name="field">An alias field from <see cref="AliasFields"/>; other fields are trimmed and lower-cased.</param>
    /// <param name="raw">The value as the source gave it.</param>
    /// <returns>The normalized value, or the reason it cannot be an alias.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Instance member: normalization settings (default phone region) hang off the instance.")]
    public AliasNormalization Normalize(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return AliasNormalization.Invalid("the value is empty");
        }

        return field switch
        {
            AliasFields.Email => EmailNormalizer.Normalize(raw),
            AliasFields.LinkedInUrl => LinkedInUrlNormalizer.Normalize(raw),
            AliasFields.Domain or AliasFields.CompanyDomain => DomainNormalizer.Normalize(raw),
            _ => AliasNormalization.Valid(raw.Trim().ToLowerInvariant()),
        };
    }
}
