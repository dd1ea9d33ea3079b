using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>One record a record action acts on.</summary>
/// <param name="Profile">The profile as it stands (after the enrichment wrote to it, when it maps outputs).</param>
/// <param name="Found">The values the enrichment found, by output key.</param>
public sealed record RecordActionItem(Profile Profile, IReadOnlyDictionary<string, FieldValue> Found);
