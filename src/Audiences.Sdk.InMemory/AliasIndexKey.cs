using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>The key of the alias index: aliases are scoped to an entity kind.</summary>
internal readonly record struct AliasIndexKey(EntityKind Kind, AliasKey Alias);
