using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Samples.Providers.Tests;

/// <summary>Builds enrichment requests from plain text inputs.</summary>
internal static class Requests
{
    public static EnrichmentRequest For(long profile, params (string Field, string Text)[] inputs) =>
        new(new ProfileId(profile), inputs.ToDictionary(i => i.Field, i => FieldValue.FromText(i.Text), StringComparer.Ordinal));

    public static EnrichmentRequest Person(string first, string last, string domain, long profile = 1) =>
        For(profile, ("first_name", first), ("last_name", last), ("company_domain", domain));

    public static EnrichmentRequest Company(string domain, long profile = 1) => For(profile, ("domain", domain));
}
