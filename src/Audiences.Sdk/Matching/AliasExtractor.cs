using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>Finds the aliases a source record contributes: the normalized values of its alias fields.</summary>
internal static class AliasExtractor
{
    private static readonly string[] PersonFields = [AliasFields.Email, AliasFields.LinkedInUrl];
    private static readonly string[] CompanyFields = [AliasFields.Domain, AliasFields.LinkedInUrl];

    /// <summary>The alias fields always indexed for a kind, whether or not an import matches on them.</summary>
    public static IReadOnlyList<string> IndexedFields(EntityKind kind) => kind == EntityKind.Company ? CompanyFields : PersonFields;

    /// <summary>
    /// Normalizes the record's values of the kind's alias fields and of <paramref name="matchOn"/>.
    /// Text and list values count; a value that does not normalize is left out (it stays as data).
    /// </summary>
    public static List<AliasKey> Extract(SourceRecord record, IReadOnlyList<string> matchOn, AliasNormalizer normalizer)
    {
        var aliases = new List<AliasKey>(2);
        var indexed = IndexedFields(record.Kind);
        AddFields(record, indexed, null, normalizer, aliases);
        AddFields(record, matchOn, indexed, normalizer, aliases);
        return aliases;
    }

    private static void AddFields(
        SourceRecord record, IReadOnlyList<string> fields, IReadOnlyList<string>? done, AliasNormalizer normalizer, List<AliasKey> aliases)
    {
        foreach (var field in fields)
        {
            if (done is not null && done.Contains(field))
            {
                continue;
            }

            if (!record.Values.TryGetValue(field, out var value) || value.IsEmpty)
            {
                continue;
            }

            if (value.Type == FieldType.TextList)
            {
                foreach (var item in value.AsList())
                {
                    Add(field, item, normalizer, aliases);
                }
            }
            else
            {
                Add(field, value.ToString(), normalizer, aliases);
            }
        }
    }

    private static void Add(string field, string raw, AliasNormalizer normalizer, List<AliasKey> aliases)
    {
        var normalized = normalizer.Normalize(field, raw);
        if (normalized.IsValid)
        {
            var alias = new AliasKey(field, normalized.Value!);
            if (!aliases.Contains(alias))
            {
                aliases.Add(alias);
            }
        }
    }
}
