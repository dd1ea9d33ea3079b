using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>One record to look up: the profile and the values of the provider's inputs.</summary>
/// <param name="Profile">The profile the answer belongs to.</param>
/// <param name="Inputs">Every input of the provider, by field key, none empty.</param>
public sealed record EnrichmentRequest(ProfileId Profile, IReadOnlyDictionary<string, FieldValue> Inputs);
