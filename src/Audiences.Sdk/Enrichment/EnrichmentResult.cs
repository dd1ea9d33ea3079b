using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>The answer for one record.</summary>
/// <param name="Profile">The profile it answers.</param>
/// <param name="Outcome">Found, not found, or failed.</param>
public sealed record EnrichmentResult(ProfileId Profile, EnrichmentOutcome Outcome)
{
    /// <summary>The values found, by output key; empty unless <see cref="Outcome"/> is <see cref="EnrichmentOutcome.Found"/>.</summary>
    public IReadOnlyDictionary<string, FieldValue> Values { get; init; } = new Dictionary<string, FieldValue>();

    /// <summary>Why the look-up failed; null unless it did.</summary>
    public string? Error { get; init; }

    /// <summary>The credits the look-up cost.</summary>
    public decimal Credits { get; init; }

    /// <summary>The provider that answered (in a waterfall, the one that found the values, or the last one asked).</summary>
    public string? Provider { get; init; }
}
