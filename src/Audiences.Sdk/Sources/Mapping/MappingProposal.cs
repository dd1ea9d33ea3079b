using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sources;

/// <summary>A proposed mapping of one source field, with the reason it was proposed.</summary>
/// <param name="SourceField">The source field.</param>
/// <param name="Field">The proposed profile field key; null when the field is better left out (e.g. an empty header).</param>
/// <param name="Type">The type its values are read as.</param>
/// <param name="Reason">
/// How the field was found: <c>mapping</c> (the definition maps it), <c>catalog</c> (an existing field of that name),
/// <c>synonym</c> (a common name of it), or <c>name</c> (its name as a key); or why it is left out: <c>id</c> (the
/// record id; <c>id, alias</c> when the id is also an alias and so mapped), <c>generated</c> (made up by the source),
/// <c>unusable name</c> (no key can be made of it).
/// </param>
/// <param name="IsAlias">Whether the field is an alias records match on (email, LinkedIn URL, domain).</param>
public sealed record MappingProposal(string SourceField, string? Field, FieldType Type, string Reason, bool IsAlias)
{
    /// <summary>The proposal as a mapping a definition keeps.</summary>
    public FieldMapping ToMapping() => new(SourceField, Field);
}
