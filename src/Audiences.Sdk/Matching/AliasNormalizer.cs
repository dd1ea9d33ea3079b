using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Normalizes raw alias values so that variants of one identifier compare equal: emails,
/// LinkedIn URLs and domains. A value that does not normalize is kept as data by the caller but
/// never matched on.
/// </summary>
/// <remarks>Thread-safe: the normalizer copies its guard rails when created and changes nothing after.</remarks>
internal sealed class AliasNormalizer
{
    private readonly GuardRailSets? _guardRails;
    private readonly PhoneNormalizer _phones;

    /// <summary>Creates a normalizer.</summary>
    /// <param name="guardRails">The values never to match on; null applies the defaults. Disabled guard rails let every normalizable value match.</param>
    /// <param name="defaultPhoneRegion">The region (ISO 3166 code such as <c>US</c>) for phone numbers written without a country code; null accepts only numbers with one.</param>
    /// <exception cref="ArgumentException"><paramref name="defaultPhoneRegion"/> is not a region the phone library knows.</exception>
    public AliasNormalizer(MatchingGuardRails? guardRails = null, string? defaultPhoneRegion = null)
    {
        if (defaultPhoneRegion is not null && !PhoneNormalizer.IsSupportedRegion(defaultPhoneRegion))
        {
            throw new ArgumentException($"'{defaultPhoneRegion}' is not a phone region; use a two-letter ISO 3166 code such as US or GB.", nameof(defaultPhoneRegion));
        }

        guardRails ??= new MatchingGuardRails();
        _guardRails = guardRails.Enabled ? new GuardRailSets(guardRails) : null;
        _phones = new PhoneNormalizer(defaultPhoneRegion);
    }

    /// <summary>The shared normalizer with the default guard rails.</summary>
    public static AliasNormalizer Default { get; } = new();

    /// <summary>Normalizes <paramref name="raw"/> by the rule of <paramref name="field"/>.</summary>
    /// <param name="field">An alias field from <see cref="AliasFields"/>; other fields are trimmed and lower-cased.</param>
    /// <param name="raw">The value as the source gave it.</param>
    /// <returns>The normalized value, or the reason it cannot be an alias.</returns>
    public AliasNormalization Normalize(string field, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return AliasNormalization.Invalid("the value is empty");
        }

        // A placeholder is reported as one, even where it would not parse as the field's kind of value.
        if (_guardRails?.IsPlaceholder(raw) == true)
        {
            return AliasNormalization.Invalid($"'{raw}' is a placeholder value, not an identifier");
        }

        var normalized = field switch
        {
            AliasFields.Email => EmailNormalizer.Normalize(raw),
            AliasFields.LinkedInUrl => LinkedInUrlNormalizer.Normalize(raw),
            AliasFields.Domain or AliasFields.CompanyDomain => DomainNormalizer.Normalize(raw),
            AliasFields.Phone => _phones.Normalize(raw),
            _ => AliasNormalization.Valid(raw.Trim().ToLowerInvariant()),
        };

        return _guardRails is null || !normalized.IsValid ? normalized : _guardRails.Check(field, raw, normalized);
    }
}
