using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>Why one record of a run could not be enriched.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Provider">The provider that failed; null when the failure was not a provider's.</param>
/// <param name="Message">What went wrong.</param>
public sealed record EnrichmentError(ProfileId Profile, string? Provider, string Message);
