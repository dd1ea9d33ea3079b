using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>What makes a sync definition usable, checked before it is stored and before each run.</summary>
internal static class SyncDefinitionRules
{
    /// <summary>Checks what needs no source: the name, the object, the mappings, the matching and the schedule.</summary>
    /// <exception cref="ArgumentException">Something is not usable; the message names it and what to do.</exception>
    public static void Check(SyncDefinition definition)
    {
        Require(!string.IsNullOrWhiteSpace(definition.Name) && !definition.Name.Contains('/', StringComparison.Ordinal),
            $"The sync's name '{definition.Name}' is blank or holds a '/'; name it with a word such as 'crm-contacts'.");
        Require(!string.IsNullOrWhiteSpace(definition.Source.Type), "The sync names no source type; set Source to the settings of a registered source, e.g. type 'sql'.");
        Require(!string.IsNullOrWhiteSpace(definition.ObjectName), $"Sync '{definition.Name}' names no source object to read.");
        Require(!string.IsNullOrWhiteSpace(definition.IdField), $"Sync '{definition.Name}' names no id field; every record needs one so later runs update it.");
        Require(definition.SourceName is null || !string.IsNullOrWhiteSpace(definition.SourceName), $"Sync '{definition.Name}' has a blank source name; leave it unset to use the sync's name.");
        foreach (var mapping in definition.Mappings)
        {
            Require(mapping.Field is null || FieldKey.IsValid(mapping.Field),
                $"Sync '{definition.Name}' maps '{mapping.SourceField}' to '{mapping.Field}', which is not a field key; use snake_case such as 'job_title'.");
        }

        foreach (var field in definition.MatchOn ?? [])
        {
            Require(FieldKey.IsValid(field), $"Sync '{definition.Name}' matches on '{field}', which is not a field key.");
        }

        if (definition.Related is { } related)
        {
            Require(FieldKey.IsValid(related.Type), $"Sync '{definition.Name}' stores related records of type '{related.Type}'; name the collection in snake_case such as 'deals'.");
            Require(!string.IsNullOrWhiteSpace(related.OwnerField), $"Sync '{definition.Name}' names no owner field for its related records.");
        }

        var schedule = definition.Schedule;
        Require(definition.BatchSize is null or (> 0 and <= AudiencesOptions.MaxImportBatchSize),
            $"Sync '{definition.Name}' has a batch size of {definition.BatchSize}; give 1 to {AudiencesOptions.MaxImportBatchSize:N0}.");
        Require(definition.FuzzyFields is null || (definition.FuzzyFields.Count > 0 && definition.FuzzyFields.All(FieldKey.IsValid)),
            $"Sync '{definition.Name}' matches probabilistically on '{string.Join(", ", definition.FuzzyFields ?? [])}'; name one or more field keys such as first_name, surname, city.");
        Require(definition.FuzzyFields is null || definition.Related is null,
            $"Sync '{definition.Name}' stores related records, which are not matched; leave out its fuzzy fields.");
        Require(schedule.Every is null || schedule.Every > TimeSpan.Zero, $"Sync '{definition.Name}' runs every {schedule.Every}; give a positive interval.");
        Require(schedule.FullEvery is null || schedule.FullEvery > TimeSpan.Zero, $"Sync '{definition.Name}' runs in full every {schedule.FullEvery}; give a positive interval.");
        Require(schedule.Every is null || schedule.Cron is null, $"Sync '{definition.Name}' has both an interval and a cron expression for its incremental runs; keep one.");
        if (schedule.Cron is { } cron && SyncCalendar.CheckCron(cron) is { } problem)
        {
            throw new ArgumentException($"Sync '{definition.Name}' has the cron expression '{cron}', which does not parse: {problem}", nameof(definition));
        }
    }

    /// <summary>Checks the definition against the fields its source object has.</summary>
    /// <exception cref="ArgumentException">A named field does not exist; the message lists the ones that do.</exception>
    public static void CheckFields(SyncDefinition definition, SourceObject described)
    {
        var fields = described.Fields;
        void Exists(string field, string role)
        {
            if (!fields.Any(f => string.Equals(f.Name, field, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ArgumentException(
                    $"Sync '{definition.Name}' names '{field}' as its {role}, but '{definition.ObjectName}' has no such field; its fields are {string.Join(", ", fields.Select(f => $"'{f.Name}'"))}.",
                    nameof(definition));
            }
        }

        Exists(definition.IdField, "id field");
        if (definition.TimestampField is { } timestamp)
        {
            Exists(timestamp, "timestamp field");
            Require(described.ReadsIncrementally,
                $"Sync '{definition.Name}' names '{timestamp}' as its timestamp field, but '{definition.ObjectName}' is read only in full (a file has no change times to resume from); leave the timestamp field out.");
            var type = fields.First(f => string.Equals(f.Name, timestamp, StringComparison.OrdinalIgnoreCase)).Type;
            if (type != FieldType.DateTime)
            {
                // Refused here rather than at the first run: an incremental read compares the field as a date-time.
                throw new ArgumentException(
                    $"Sync '{definition.Name}' names '{timestamp}' as its timestamp field, but '{definition.ObjectName}' reads it as {type.ToString().ToLowerInvariant()}, not date-times; "
                    + "name a date-time field (for SQLite, a column declared DATETIME, TIMESTAMP or DATE), or leave the timestamp field out to read in full.",
                    nameof(definition));
            }
        }

        foreach (var mapping in definition.Mappings)
        {
            Exists(mapping.SourceField, "mapped field");
        }

        if (definition.Related is { } related)
        {
            Exists(related.OwnerField, "owner field");
        }
    }

    /// <summary>
    /// The definition with its object and field names spelled as the source describes them (names match ignoring case),
    /// so a source that compares names exactly reads what the definition names.
    /// </summary>
    public static SyncDefinition InSourceSpelling(SyncDefinition definition, SourceObject described)
    {
        string Spell(string name) =>
            described.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))?.Name ?? name;

        return definition with
        {
            ObjectName = described.Name,
            IdField = Spell(definition.IdField),
            TimestampField = definition.TimestampField is { } timestamp ? Spell(timestamp) : null,
            Mappings = [.. definition.Mappings.Select(m => m with { SourceField = Spell(m.SourceField) })],
            Related = definition.Related is { } related ? related with { OwnerField = Spell(related.OwnerField) } : null,
        };
    }

    /// <summary>
    /// Whether <paramref name="next"/> reads other records than <paramref name="previous"/>, or the same ones in another
    /// order, so a cursor of the one means nothing to the other: another source or settings (a query, a file), object,
    /// id or timestamp field, kind or related target. Mappings, matching and schedules do not move what is read.
    /// </summary>
    public static bool ReadsDifferently(SyncDefinition previous, SyncDefinition next) =>
        !string.Equals(previous.Source.Type, next.Source.Type, StringComparison.OrdinalIgnoreCase)
        || previous.Source.Values.Count != next.Source.Values.Count
        || previous.Source.Values.Any(v => !next.Source.Values.TryGetValue(v.Key, out var value) || !string.Equals(v.Value, value, StringComparison.Ordinal))
        || !string.Equals(previous.ObjectName, next.ObjectName, StringComparison.Ordinal)
        || !string.Equals(previous.IdField, next.IdField, StringComparison.Ordinal)
        || !string.Equals(previous.TimestampField, next.TimestampField, StringComparison.Ordinal)
        || !string.Equals(previous.EffectiveSourceName, next.EffectiveSourceName, StringComparison.Ordinal)
        || previous.Kind != next.Kind
        || previous.Related != next.Related;

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
