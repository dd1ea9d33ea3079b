using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sources;

/// <summary>
/// Proposes where each source field lands: an explicit mapping; else a catalog field of the same key; else a field
/// a common name points to (<c>E-mail Address</c>, <c>work_email</c> → <c>email</c>; <c>Job Title</c> → <c>title</c>;
/// <c>Company Website</c> → a person's <c>company_domain</c> or a company's <c>domain</c>); else the name as a key.
/// </summary>
internal static class FieldMapper
{
    public static IReadOnlyList<MappingProposal> Propose(
        IReadOnlyList<SourceField> fields, EntityKind kind, IReadOnlyList<FieldDefinition> catalog, IReadOnlyList<FieldMapping> mappings, string? idField)
    {
        var known = catalog.Where(f => f.Kind == kind).ToDictionary(f => f.Key, StringComparer.Ordinal);
        var proposals = new List<MappingProposal>(fields.Count);
        foreach (var field in fields)
        {
            var mapping = mappings.FirstOrDefault(m => string.Equals(m.SourceField, field.Name, StringComparison.OrdinalIgnoreCase));
            if (mapping is not null)
            {
                proposals.Add(Proposal(field, mapping.Field, "mapping", mapping.Type, known, kind));
            }
            else if (idField is not null && string.Equals(field.Name, idField, StringComparison.OrdinalIgnoreCase))
            {
                // The id keys the record; it is a profile field too only when it is an alias records match on (a
                // file keyed by email), or the profiles would lack the very value they match by.
                var (key, _) = Guess(field.Name, kind, known);
                proposals.Add(IsAlias(key, kind)
                    ? Proposal(field, key, "id, alias", null, known, kind)
                    : new MappingProposal(field.Name, null, field.Type, "id", false));
            }
            else if (field.IsGenerated)
            {
                proposals.Add(new MappingProposal(field.Name, null, field.Type, "generated", false));
            }
            else
            {
                var (key, reason) = Guess(field.Name, kind, known);
                proposals.Add(Proposal(field, key, reason, null, known, kind));
            }
        }

        return proposals;
    }

    /// <summary>Whether records match on the field: email, LinkedIn URL and phone for people; domain and LinkedIn page for companies.</summary>
    public static bool IsAlias(string? field, EntityKind kind) => field is not null && (kind == EntityKind.Person
        ? field is AliasFields.Email or AliasFields.LinkedInUrl or AliasFields.Phone
        : field is AliasFields.Domain or AliasFields.LinkedInUrl);

    private static MappingProposal Proposal(
        SourceField field, string? key, string reason, FieldType? type, Dictionary<string, FieldDefinition> known, EntityKind kind) =>
        new(field.Name, key, type ?? (key is not null && known.TryGetValue(key, out var existing) ? existing.Type : field.Type), reason, IsAlias(key, kind));

    private static (string? Key, string Reason) Guess(string name, EntityKind kind, Dictionary<string, FieldDefinition> known)
    {
        var key = FieldKey.FromHeader(name);
        if (key is not null && known.ContainsKey(key))
        {
            return (key, "catalog");
        }

        var phrase = Phrase(name);
        var candidates = AutoMapSynonyms.For(kind, phrase) ?? (FieldSynonyms.Default.TryGetValue(phrase, out var found) ? found : null);
        if (candidates is { Count: > 0 })
        {
            var chosen = candidates.FirstOrDefault(known.ContainsKey)
                ?? candidates.FirstOrDefault(c => IsAlias(c, kind))
                ?? candidates[0];
            return (chosen, "synonym");
        }

        return key is null ? (null, "unusable name") : (key, "name");
    }

    /// <summary>The name as a phrase: lower case, words split on spaces, underscores, dashes and dots.</summary>
    private static string Phrase(string name) =>
        string.Join(' ', name.ToLowerInvariant().Split([' ', '_', '-', '.', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
