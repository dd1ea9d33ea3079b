using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>One way to name a field in plain language, and the field it names.</summary>
internal sealed record FieldPhrase(string Phrase, FieldPath Path, FieldDefinition Field);
