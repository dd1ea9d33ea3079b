using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>
/// Turns what a source read into what an import stores: each source field onto its profile field (by the mapping
/// in effect), each value into the field's type, keyed <c>source/object/external id</c>. A record that cannot be
/// built is a rejection naming the record, the field and the reason.
/// </summary>
internal sealed class SyncRecordBuilder
{
    private readonly SyncDefinition _definition;
    private readonly Dictionary<string, MappingProposal> _targets;

    public SyncRecordBuilder(SyncDefinition definition, IReadOnlyList<MappingProposal> mapping)
    {
        _definition = definition;
        _targets = mapping.Where(m => m.Field is not null).ToDictionary(m => m.SourceField, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The key a record of the given external id gets.</summary>
    public SourceRecordKey Key(string externalId) => new(_definition.EffectiveSourceName, _definition.ObjectName, externalId);

    /// <summary>Builds a profile record, or the reason it is rejected.</summary>
    public SourceRow Build(SourceItem item, DateTimeOffset observedAt)
    {
        if (Problem(item) is { } problem)
        {
            return SourceRow.Rejected(problem);
        }

        var key = Key(item.ExternalId!);
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        if (Convert(item, key, values, skip: null) is { } error)
        {
            return SourceRow.Rejected(error);
        }

        var record = new SourceRecord(key, _definition.Kind, _definition.SourceKind, values)
        {
            ObservedAt = observedAt,
            ConvertedTo = item.ConvertedTo is { } converted ? Reference(converted) : null,
            Company = item.Account is { } account ? CompanyLink.ByAccount(Reference(account)) : null,
        };
        return SourceRow.Of(record, item.Position);
    }

    /// <summary>Builds a related record, or the reason it is rejected.</summary>
    public (RelatedRecord? Record, ImportError? Error) BuildRelated(SourceItem item, RelatedTarget target, DateTimeOffset observedAt)
    {
        if (Problem(item) is { } problem)
        {
            return (null, problem);
        }

        var key = Key(item.ExternalId!);
        var owner = item.Values.FirstOrDefault(v => string.Equals(v.Key, target.OwnerField, StringComparison.OrdinalIgnoreCase)).Value;
        if (owner.IsEmpty)
        {
            return (null, new ImportError($"the owner field '{target.OwnerField}' is empty; every related record names its owner.") { Line = item.Position, Record = key, Field = target.OwnerField });
        }

        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        if (Convert(item, key, values, skip: target.OwnerField) is { } error)
        {
            return (null, error);
        }

        var ownerText = owner.ToString();
        var record = new RelatedRecord(key, target.Type, target.OwnerKind, values)
        {
            ObservedAt = observedAt,
            OwnerRecord = target.OwnerObject is { } ownerObject ? new SourceRecordKey(_definition.EffectiveSourceName, ownerObject, ownerText) : null,
            OwnerAlias = target.OwnerObject is null ? new AliasKey(target.OwnerAliasField, ownerText) : null,
        };
        return (record, null);
    }

    private SourceRecordKey Reference(SourceReference reference) => new(_definition.EffectiveSourceName, reference.ObjectName, reference.ExternalId);

    private ImportError? Problem(SourceItem item)
    {
        var key = item.ExternalId is { Length: > 0 } id && !string.IsNullOrWhiteSpace(id) ? Key(id) : (SourceRecordKey?)null;
        if (item.Problem is { } problem)
        {
            return new ImportError(problem) { Line = item.Position, Record = key, Field = _definition.IdField };
        }

        return key is null
            ? new ImportError($"the id field '{_definition.IdField}' is empty; every record needs an id to be updated by later runs.") { Line = item.Position, Field = _definition.IdField }
            : null;
    }

    private ImportError? Convert(SourceItem item, SourceRecordKey key, Dictionary<string, FieldValue> values, string? skip)
    {
        foreach (var (sourceField, value) in item.Values)
        {
            if (value.IsEmpty || (skip is not null && string.Equals(sourceField, skip, StringComparison.OrdinalIgnoreCase))
                || !_targets.TryGetValue(sourceField, out var target))
            {
                continue;
            }

            if (!ValueConversion.TryConvert(value, target.Type, out var converted, out var reason))
            {
                return new ImportError($"'{sourceField}' gives {reason}, but the field '{target.Field}' holds {target.Type.ToName()} values; fix the value or map the field with another type.")
                {
                    Line = item.Position,
                    Record = key,
                    Field = target.Field,
                };
            }

            if (!converted.IsEmpty)
            {
                values[target.Field!] = converted;
            }
        }

        return null;
    }
}
