using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// What a run got for one record: the outcome, the values found, the provider, the cost, and a hash of the inputs it
/// asked with, so a record looked up again with the same inputs need not be bought twice.
/// </summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Profile">The profile looked up.</param>
/// <param name="Outcome">Found, not found, or failed.</param>
/// <param name="InputsHash">A stable hash of the inputs the provider was asked with.</param>
public sealed record EnrichmentRunOutput(long RunId, ProfileId Profile, EnrichmentOutcome Outcome, string InputsHash)
{
    /// <summary>The values found, by output key; empty unless <see cref="Outcome"/> is <see cref="EnrichmentOutcome.Found"/>.</summary>
    public IReadOnlyDictionary<string, FieldValue> Values { get; init; } = new Dictionary<string, FieldValue>();

    /// <summary>The provider that answered; null when none was asked.</summary>
    public string? Provider { get; init; }

    /// <summary>The credits the look-up cost.</summary>
    public decimal Credits { get; init; }

    /// <summary>Why the look-up failed; null unless it did.</summary>
    public string? Error { get; init; }
}
