using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>The JSON shapes of syncs and their runs; connection strings always with their passwords masked.</summary>
internal static class SyncJson
{
    /// <summary>
    /// A run: <c>{"id":N,"sync":"...","mode":"full|incremental","trigger":"manual|schedule","status":"succeeded|failed|running",
    /// "startedAt":"...","finishedAt":"...","durationSeconds":N,"read":N,"created":N,"updated":N,"unchanged":N,"merged":N,
    /// "rejected":N,"related":N,"deleted":N,"errors":["..."],"failure":"..."|null}</c>.
    /// </summary>
    public static JsonObject Run(SyncRun run, string? connection) => new()
    {
        ["id"] = run.Id,
        ["sync"] = run.Sync,
        ["mode"] = Mode(run.Mode),
        ["trigger"] = run.Trigger == SyncTrigger.Schedule ? "schedule" : "manual",
        ["status"] = Status(run.Status),
        ["startedAt"] = Formats.IsoTime(run.StartedAt),
        ["finishedAt"] = run.FinishedAt is { } finished ? Formats.IsoTime(finished) : null,
        ["durationSeconds"] = run.Duration is { } duration ? Math.Round(duration.TotalSeconds, 3) : null,
        ["read"] = run.Read,
        ["created"] = run.Created,
        ["updated"] = run.Updated,
        ["unchanged"] = run.Unchanged,
        ["merged"] = run.Merged,
        ["rejected"] = run.Rejected,
        ["related"] = run.Related,
        ["deleted"] = run.Deleted,
        ["queuedForReview"] = run.QueuedForReview,
        ["errors"] = Errors(run, connection),
        ["failure"] = run.Failure is { } failure ? ConnectionText.Redact(failure, connection) : null,
    };

    /// <summary>
    /// A run as an import summary, the fields of <c>import csv</c>'s (a run's merges include its probabilistic ones, so
    /// <c>probabilisticMerged</c> is 0; each error also names its record), then <c>"sync"</c>, <c>"mode"</c>, <c>"status"</c>, <c>"deleted"</c> and <c>"failure"</c>.
    /// </summary>
    public static JsonObject ImportSummary(SyncRun run, string? connection) => new()
    {
        ["read"] = run.Read,
        ["created"] = run.Created,
        ["updated"] = run.Updated,
        ["unchanged"] = run.Unchanged,
        ["merged"] = run.Merged,
        ["probabilisticMerged"] = 0,
        ["queuedForReview"] = run.QueuedForReview,
        ["rejected"] = run.Rejected,
        ["errors"] = Errors(run, connection),
        ["sync"] = run.Sync,
        ["mode"] = Mode(run.Mode),
        ["status"] = Status(run.Status),
        ["deleted"] = run.Deleted,
        ["failure"] = run.Failure is { } failure ? ConnectionText.Redact(failure, connection) : null,
    };

    /// <summary>
    /// A sync: <c>{"name":"...","type":"csv|sql","kind":"person","object":"...","idField":"...","timestampField":...,
    /// "sourceName":"...","sourceKind":"...","settings":{...},"mappings":["Column=field"],"matchOn":[...]|null,"fuzzy":[...]|null,"batchSize":N|null,
    /// "schedule":{"manual":bool,"every":"15m"|null,"fullEvery":"12h"|null,"cron":...},"lastRun":{...run}|null,"nextDue":"..."|null}</c>.
    /// </summary>
    public static JsonObject Definition(SyncDefinition definition, SyncRun? lastRun, DateTimeOffset? nextDue)
    {
        var connection = ConnectionText.SecretOf(definition.Source);
        var settings = new JsonObject();
        foreach (var (key, value) in definition.Source.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            settings[key] = key == "connection" ? ConnectionText.Masked(value) : ConnectionText.IsSecretSetting(key) ? ConnectionText.Mask : value;
        }

        return new JsonObject
        {
            ["name"] = definition.Name,
            ["type"] = definition.Source.Type,
            ["kind"] = Names.Kind(definition.Kind),
            ["object"] = definition.ObjectName,
            ["idField"] = definition.IdField,
            ["timestampField"] = definition.TimestampField,
            ["sourceName"] = definition.EffectiveSourceName,
            ["sourceKind"] = Names.SourceKind(definition.SourceKind),
            ["settings"] = settings,
            ["mappings"] = new JsonArray(definition.Mappings.Select(m => (JsonNode)JsonValue.Create(m.ToString())).ToArray()),
            ["matchOn"] = definition.MatchOn is { } match ? new JsonArray(match.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()) : null,
            ["fuzzy"] = definition.FuzzyFields is { } fuzzy ? new JsonArray(fuzzy.Select(f => (JsonNode)JsonValue.Create(f)).ToArray()) : null,
            ["batchSize"] = definition.BatchSize,
            ["schedule"] = Schedule(definition.Schedule),
            ["lastRun"] = lastRun is null ? null : Run(lastRun, connection),
            ["nextDue"] = nextDue is { } due ? Formats.IsoTime(due) : null,
        };
    }

    /// <summary><c>{"manual":false,"every":"15m","fullEvery":"12h","cron":null}</c>.</summary>
    public static JsonObject Schedule(SyncSchedule schedule) => new()
    {
        ["manual"] = schedule.IsManual,
        ["every"] = schedule.Every is { } every ? Durations.Format(every) : null,
        ["fullEvery"] = schedule.FullEvery is { } full ? Durations.Format(full) : null,
        ["cron"] = schedule.Cron,
    };

    public static string Mode(SourceReadMode mode) => mode == SourceReadMode.Full ? "full" : "incremental";

    public static string Status(SyncRunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A run's errors as <c>import csv</c> prints them, each also naming its record when known.</summary>
    private static JsonArray Errors(SyncRun run, string? connection) =>
        new([.. run.Errors.Select(e => (JsonNode)new JsonObject
        {
            ["line"] = e.Line,
            ["record"] = e.Record?.ToString(),
            ["field"] = e.Field,
            ["message"] = ConnectionText.Redact(e.Message, connection),
        })]);
}
