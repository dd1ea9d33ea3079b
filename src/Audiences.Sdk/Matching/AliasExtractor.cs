using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>Finds the aliases a source record contributes: the normalized values of its alias fields.</summary>
internal static class AliasExtractor
{
    private static readonly string[] PersonFields = [AliasFields.Email, AliasFields.LinkedInUrl, AliasFields.Phone];
    private static readonly string[] CompanyFields = [AliasFields.Domain, AliasFields.LinkedInUrl];

    /// <summary>The alias fields always indexed for a kind, whether or not an import matches on them.</summary>
    public static IReadOnlyList<string> IndexedFields(EntityKind kind) => kind == EntityKind.Company ? CompanyFields : PersonFields;

    /// <summary>
    /// Normalizes the record's values of the kind's alias fields and of <paramref name="matchOn"/>.
    /// Text and list values count; a value that does not normalize is left out (it stays as data).
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="matchOn">The import's match fields.</param>
    /// <param name="normalizer">The normalizer, with its guard rails.</param>
    /// <param name="unmatchable">Receives each alias-field value that cannot serve as an alias, with the reason.</param>
    public static List<AliasKey> Extract(
        SourceRecord record, IReadOnlyList<string> matchOn, AliasNormalizer normalizer, List<(string Field, string Problem)> unmatchable)
    {
        var aliases = new List<AliasKey>(2);
        var indexed = IndexedFields(record.Kind);
        AddFields(record, indexed, null, normalizer, aliases, unmatchable);
        AddFields(record, matchOn, indexed, normalizer, aliases, unmatchable);
        if (record.ConvertedTo is { } convertedTo)
        {
            aliases.Add(ConvertedRecordAlias(convertedTo));
        }

        return aliases;
    }

    /// <summary>The alias a record converted into <paramref name="key"/> carries, and that <paramref name="key"/>'s record looks up.</summary>
    public static AliasKey ConvertedRecordAlias(SourceRecordKey key) =>
        new(AliasFields.ConvertedRecord, string.Join('\u001F', key.Source, key.ObjectName, key.ExternalId));

    private static void AddFields(
        SourceRecord record,
        IReadOnlyList<string> fields,
        IReadOnlyList<string>? done,
        AliasNormalizer normalizer,
        List<AliasKey> aliases,
        List<(string Field, string Problem)> unmatchable)
    {
        // Indexed loops: a foreach over the list interfaces would allocate an enumerator per record.
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (done is not null && Contains(done, field))
            {
                continue;
            }

            if (!record.Values.TryGetValue(field, out var value) || value.IsEmpty)
            {
                continue;
            }

            if (value.Type == FieldType.TextList)
            {
                var items = value.AsList();
                for (var k = 0; k < items.Count; k++)
                {
                    Add(field, items[k], normalizer, aliases, unmatchable);
                }
            }
            else
            {
                Add(field, value.ToString(), normalizer, aliases, unmatchable);
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> fields, string field)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i], field, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(
        string field, string raw, AliasNormalizer normalizer, List<AliasKey> aliases, List<(string Field, string Problem)> unmatchable)
    {
        var normalized = normalizer.Normalize(field, raw);
        if (!normalized.IsValid)
        {
            unmatchable.Add((field, normalized.Problem!));
        }
        else
        {
            var alias = new AliasKey(field, normalized.Value!);
            if (!aliases.Contains(alias))
            {
                aliases.Add(alias);
            }
        }
    }
}
