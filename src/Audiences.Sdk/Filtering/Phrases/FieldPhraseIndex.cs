using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>The plain-language names of a kind's fields (keys, display names, synonyms, and linked entities' fields as "company employees").</summary>
internal sealed class FieldPhraseIndex
{
    private readonly List<FieldPhrase> _phrases = [];

    public FieldPhraseIndex(EntityKind kind, IFilterCatalog catalog, IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms)
    {
        Fields = catalog.GetFields(kind);
        AddFields(Fields, null, synonyms);
        foreach (var link in catalog.GetLinkedEntities(kind))
        {
            AddFields(catalog.GetFields(link.Kind), link.Name, synonyms);
        }
    }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Every mention of a field phrase at word boundaries, longest first, then leftmost.</summary>
    public IEnumerable<FieldMention> FindMentions(string lowered)
    {
        var mentions = new List<FieldMention>();
        foreach (var phrase in _phrases)
        {
            var from = 0;
            while ((from = lowered.IndexOf(phrase.Phrase, from, StringComparison.Ordinal)) >= 0)
            {
                var end = from + phrase.Phrase.Length;
                if ((from == 0 || !char.IsLetterOrDigit(lowered[from - 1])) && (end == lowered.Length || !char.IsLetterOrDigit(lowered[end])))
                {
                    mentions.Add(new FieldMention(from, phrase.Phrase.Length, phrase));
                }

                from++;
            }
        }

        return mentions.OrderByDescending(m => m.Length).ThenBy(m => m.Start);
    }

    private void AddFields(IReadOnlyList<FieldDefinition> fields, string? entity, IReadOnlyDictionary<string, IReadOnlyList<string>> synonyms)
    {
        var byKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            Add(field.Key.Replace('_', ' '), field, entity);
            Add(field.Key, field, entity);
            Add(Normalize(field.DisplayName), field, entity);
        }

        foreach (var (phrase, keys) in synonyms)
        {
            if (keys.Select(k => byKey.GetValueOrDefault(k)).FirstOrDefault(f => f is not null) is { } field)
            {
                Add(Normalize(phrase), field, entity);
            }
        }
    }

    private void Add(string phrase, FieldDefinition field, string? entity)
    {
        if (phrase.Length == 0)
        {
            return;
        }

        var path = new FieldPath(entity is null ? field.Key : $"{entity}.{field.Key}");
        if (entity is null)
        {
            _phrases.Add(new FieldPhrase(phrase, path, field));
            return;
        }

        _phrases.Add(new FieldPhrase($"{entity} {phrase}", path, field));
        _phrases.Add(new FieldPhrase($"{entity}'s {phrase}", path, field));
    }

    public static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
