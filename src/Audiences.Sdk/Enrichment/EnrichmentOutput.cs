using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>A field an enrichment provider finds.</summary>
/// <param name="Field">The output's key, e.g. <c>work_email</c>; an enrichment maps it onto a profile field.</param>
/// <param name="Type">The type of its values.</param>
public sealed record EnrichmentOutput(string Field, FieldType Type);
