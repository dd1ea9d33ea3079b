using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.AI;

/// <summary>A field a condition may name, as the prompt, the schema and the error messages show it.</summary>
/// <param name="Path">The path a condition uses: <c>title</c>, or <c>company.employee_count</c> through a link.</param>
/// <param name="Definition">The catalog's definition.</param>
/// <param name="Synonyms">Everyday names of the field, from the synonym table.</param>
internal sealed record PromptField(string Path, FieldDefinition Definition, IReadOnlyList<string> Synonyms)
{
    /// <summary>
    /// The fields of <paramref name="kind"/> and of the entities linked from it. Related collections
    /// are left out: they need a quantifier, and the answer is one plain condition.
    /// </summary>
    public static IReadOnlyList<PromptField> From(EntityKind kind, IFilterCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms)
    {
        var fields = new List<PromptField>();
        Add(fields, catalog.GetFields(kind), null, synonyms);
        foreach (var link in catalog.GetLinkedEntities(kind))
        {
            Add(fields, catalog.GetFields(link.Kind), link.Name, synonyms);
        }

        return fields;
    }

    /// <summary>"key (Display name), …" in path order, for messages.</summary>
    public static string List(IEnumerable<PromptField> fields) => string.Join(", ", fields
        .OrderBy(f => f.Path, StringComparer.Ordinal)
        .Select(f => f.Definition.DisplayName == f.Definition.Key ? f.Path : $"{f.Path} ({f.Definition.DisplayName})"));

    private static void Add(List<PromptField> into, IReadOnlyList<FieldDefinition> fields, string? entity, IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms)
    {
        var keys = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);

        // A phrase belongs to the first of its candidate keys that this catalog has.
        var phrasesByKey = synonyms
            .Select(s => (Phrase: s.Key, Key: s.Value.FirstOrDefault(keys.Contains)))
            .Where(s => s.Key is not null)
            .ToLookup(s => s.Key!, s => s.Phrase, StringComparer.Ordinal);
        foreach (var field in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var path = entity is null ? field.Key : $"{entity}.{field.Key}";
            var phrases = phrasesByKey[field.Key].Order(StringComparer.Ordinal).ToList();
            into.Add(new PromptField(path, field, phrases));
        }
    }
}
