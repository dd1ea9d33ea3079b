namespace Audiences.Sdk.Enrichment;

/// <summary>Where a provider's output lands: the profile field it is written to.</summary>
/// <param name="Output">The provider's output key, e.g. <c>work_email</c>.</param>
/// <param name="Field">The profile field key it is written to, e.g. <c>email</c>.</param>
public sealed record EnrichmentMapping(string Output, string Field);
