using System.Text.Json.Nodes;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Output;

/// <summary>The JSON shapes of the SDK's results, shared by every command.</summary>
internal static class CliJson
{
    /// <summary>text → string, number → number, boolean → bool, date-time → ISO 8601 string, list → array.</summary>
    public static JsonNode? Value(FieldValue value) => value.Type switch
    {
        FieldType.Text => JsonValue.Create(value.AsText()),
        FieldType.Number => JsonValue.Create(value.AsNumber()),
        FieldType.Boolean => JsonValue.Create(value.AsBoolean()),
        FieldType.DateTime => JsonValue.Create(Formats.IsoTime(value.AsDateTime())),
        FieldType.TextList => Strings(value.AsList()),
        _ => null,
    };

    /// <summary><c>{"read":N,"created":N,"updated":N,"unchanged":N,"merged":N,"probabilisticMerged":N,"queuedForReview":N,"rejected":N,"errors":[...]}</c>.</summary>
    public static JsonObject ImportResult(ImportResult result) => new()
    {
        ["read"] = result.Read,
        ["created"] = result.Created,
        ["updated"] = result.Updated,
        ["unchanged"] = result.Unchanged,
        ["merged"] = result.Merged,
        ["probabilisticMerged"] = result.ProbabilisticMerged,
        ["queuedForReview"] = result.QueuedForReview,
        ["rejected"] = result.Rejected,
        ["errors"] = new JsonArray(result.Errors.Select(e => (JsonNode)ImportError(e)).ToArray()),
    };

    /// <summary><c>{"line":N,"field":"...","message":"..."}</c>; line and field are null when unknown.</summary>
    public static JsonObject ImportError(ImportError error) => new()
    {
        ["line"] = error.Line is { } line ? JsonValue.Create(line) : null,
        ["field"] = error.Field,
        ["message"] = error.Message,
    };

    /// <summary><c>{"source":"crm","object":"people","id":"42"}</c>.</summary>
    public static JsonObject RecordKey(SourceRecordKey key) => new()
    {
        ["source"] = key.Source,
        ["object"] = key.ObjectName,
        ["id"] = key.ExternalId,
    };

    /// <summary><c>{"id":"1","aliases":{"email":[...]},"sources":[{...}],"fields":{"title":"CTO"}}</c>.</summary>
    public static JsonObject Profile(Profile profile)
    {
        var aliases = new JsonObject();
        foreach (var group in profile.Aliases.GroupBy(a => a.Field, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            aliases[group.Key] = Strings(group.Select(a => a.Value));
        }

        var fields = new JsonObject();
        foreach (var (key, value) in profile.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            fields[key] = Value(value.Value);
        }

        return new JsonObject
        {
            ["id"] = profile.Id.ToString(),
            ["aliases"] = aliases,
            ["sources"] = new JsonArray(profile.Sources.Select(s => (JsonNode)RecordKey(s.Key)).ToArray()),
            ["fields"] = fields,
        };
    }

    /// <summary>A current value with where it came from: <c>{"value":...,"source":{...},"sourceKind":"csv","observedAt":"..."}</c>.</summary>
    public static JsonObject Provenance(ProfileValue value) => new()
    {
        ["value"] = Value(value.Value),
        ["source"] = RecordKey(value.Source),
        ["sourceKind"] = Names.SourceKind(value.SourceKind),
        ["observedAt"] = Formats.IsoTime(value.ObservedAt),
    };

    /// <summary>
    /// A field after a lock or unlock: <c>{"field":"title","locked":true,"value":{...provenance}|null,"profile":{...}}</c>;
    /// a locked value's source kind is <c>manual</c>.
    /// </summary>
    public static JsonObject FieldLock(Profile profile, string field)
    {
        var current = profile.Values.TryGetValue(field, out var value) ? value : (ProfileValue?)null;
        return new JsonObject
        {
            ["field"] = field,
            ["locked"] = current?.SourceKind == SourceKind.Manual,
            ["value"] = current is { } v ? Provenance(v) : null,
            ["profile"] = Profile(profile),
        };
    }

    /// <summary><c>{"key":"title","type":"text","origin":"crm","filled":12,"profiles":20,"fillRate":0.6}</c>.</summary>
    public static JsonObject Field(FieldStatistics statistics) => new()
    {
        ["key"] = statistics.Field.Key,
        ["type"] = Names.Type(statistics.Field.Type),
        ["origin"] = statistics.Field.Origin,
        ["filled"] = statistics.FilledCount,
        ["profiles"] = statistics.ProfileCount,
        ["fillRate"] = Math.Round(statistics.FillRate, 4),
    };

    /// <summary>
    /// <c>{"survivor":"1","merged":"7","alias":{"field":"email","value":"..."},"causedBy":{...},"mergedAt":"...","reason":"...","probability":0.93}</c>;
    /// alias is null when a source record key or probabilistic matching joined the profiles, probability null for an alias merge.
    /// </summary>
    public static JsonObject Merge(MergeRecord merge) => new()
    {
        ["survivor"] = merge.SurvivorId.ToString(),
        ["merged"] = merge.MergedId.ToString(),
        ["alias"] = merge.Alias is { } alias ? new JsonObject { ["field"] = alias.Field, ["value"] = alias.Value } : null,
        ["causedBy"] = RecordKey(merge.CausedBy),
        ["mergedAt"] = Formats.IsoTime(merge.MergedAt),
        ["reason"] = merge.Reason,
        ["probability"] = merge.MatchProbability,
    };

    /// <summary>A merge of the ledger listing: <see cref="Merge"/> with <c>"undone":true|false,"splitAt":"..."|null</c>.</summary>
    public static JsonObject MergeEntry(MergeRecord merge, SplitRecord? split)
    {
        var entry = Merge(merge);
        entry["undone"] = split is not null;
        entry["splitAt"] = split is null ? null : Formats.IsoTime(split.SplitAt);
        return entry;
    }

    /// <summary>
    /// <c>{"kind":"person","restored":"7","survivor":"1","mergeVersion":12,"restoredRecords":[{...}],"remainingRecords":[{...}],"splitAt":"...","reason":"..."}</c>.
    /// </summary>
    public static JsonObject Split(SplitRecord split) => new()
    {
        ["kind"] = Names.Kind(split.Kind),
        ["restored"] = split.RestoredId.ToString(),
        ["survivor"] = split.SurvivorId.ToString(),
        ["mergeVersion"] = split.MergeVersion,
        ["restoredRecords"] = new JsonArray(split.RestoredRecords.Select(k => (JsonNode)RecordKey(k)).ToArray()),
        ["remainingRecords"] = new JsonArray(split.RemainingRecords.Select(k => (JsonNode)RecordKey(k)).ToArray()),
        ["splitAt"] = Formats.IsoTime(split.SplitAt),
        ["reason"] = split.Reason,
    };

    /// <summary>
    /// <c>{"id":5,"kind":"person","left":{...},"right":{...},"probability":0.9,"weight":3.17,
    /// "evidence":[{"field":"name","level":"exact","weight":4.1,"left":"...","right":"..."}],"foundAt":"...","status":"pending","decidedAt":null}</c>.
    /// </summary>
    public static JsonObject Review(MatchReview review) => new()
    {
        ["id"] = review.Id,
        ["kind"] = Names.Kind(review.Kind),
        ["left"] = RecordKey(review.Left),
        ["right"] = RecordKey(review.Right),
        ["probability"] = review.MatchProbability,
        ["weight"] = review.MatchWeight,
        ["evidence"] = new JsonArray(review.Evidence.Select(e => (JsonNode)new JsonObject
        {
            ["field"] = e.Field,
            ["level"] = e.Level,
            ["weight"] = e.Weight,
            ["left"] = e.LeftValue,
            ["right"] = e.RightValue,
        }).ToArray()),
        ["foundAt"] = Formats.IsoTime(review.FoundAt),
        ["status"] = Names.Status(review.Status),
        ["decidedAt"] = review.DecidedAt is { } decided ? Formats.IsoTime(decided) : null,
    };

    /// <summary>
    /// <c>{"profile":"1","links":[{"from":{...},"to":{...},"alias":{"field","value"},"explanation":"..."}],"unlinked":[{...}],"merges":[...]}</c>.
    /// </summary>
    public static JsonObject Explanation(MatchExplanation explanation) => new()
    {
        ["profile"] = explanation.Profile.Id.ToString(),
        ["links"] = new JsonArray(explanation.Links.Select(l => (JsonNode)new JsonObject
        {
            ["from"] = RecordKey(l.From),
            ["to"] = RecordKey(l.To),
            ["alias"] = new JsonObject { ["field"] = l.Alias.Field, ["value"] = l.Alias.Value },
            ["explanation"] = l.ToString(),
        }).ToArray()),
        ["unlinked"] = new JsonArray(explanation.Unlinked.Select(k => (JsonNode)RecordKey(k)).ToArray()),
        ["merges"] = new JsonArray(explanation.Merges.Select(m => (JsonNode)Merge(m)).ToArray()),
    };

    private static JsonArray Strings(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
