using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>Builds a preview: the first records as they would land, and warnings a person should read before the first run.</summary>
internal static class SyncPreviewBuilder
{
    public static SyncPreview Build(SyncDefinition definition, IReadOnlyList<MappingProposal> mapping, IReadOnlyList<SourceItem> items, DateTimeOffset now)
    {
        var warnings = new List<string>();
        var matchOn = definition.MatchOn ?? AliasFields.DefaultFor(definition.Kind);
        var mapped = mapping.Where(m => m.Field is not null).Select(m => m.Field!).ToHashSet(StringComparer.Ordinal);
        if (definition.Related is null && !matchOn.Any(mapped.Contains))
        {
            warnings.Add(
                $"No field maps to an alias records match on ({string.Join(", ", matchOn)}): every record creates a profile of its own and no "
                + "record of another source joins it. Map a field onto one of them, or set the fields to match on.");
        }

        foreach (var missing in matchOn.Where(f => !mapped.Contains(f) && (definition.MatchOn?.Contains(f) ?? false)))
        {
            warnings.Add($"The sync matches on '{missing}', but no field maps onto it.");
        }

        foreach (var unusable in mapping.Where(m => m.Field is null && m.Reason == "unusable name"))
        {
            warnings.Add($"'{unusable.SourceField}' makes no field key and is left out; map it explicitly (e.g. '{unusable.SourceField}=notes').");
        }

        var builder = new SyncRecordBuilder(definition, mapping);
        var records = new List<SourceRecord>();
        var ids = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            // A record the source already refused (its own duplicate check, say) is warned about once, with the source's reason.
            if (item.Problem is null && item.ExternalId is { } id && !ids.TryAdd(id, item.Position))
            {
                warnings.Add($"The id '{id}' appears again{Where(item.Position)}; a later record with the same id replaces the earlier one.");
            }

            var row = builder.Build(item, now);
            if (row.Record is { } record)
            {
                records.Add(record);
            }
            else
            {
                warnings.Add(row.Error!.ToString());
            }
        }

        return new SyncPreview(mapping, records, warnings);
    }

    private static string Where(long? position) => position is { } p ? $" at row {p}" : string.Empty;
}
