using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Exports;

/// <summary>
/// The JSON shapes of exports, their runs, plans and failures. Keys of several words are written with underscores
/// (<c>destination_field</c>, <c>started_at</c>), as the signal and enrichment commands write them; secrets as <c>***</c>.
/// </summary>
internal static class ExportJson
{
    /// <summary>
    /// An export: <c>{"name","kind","destination":{"type","settings":{...}},"audience":{"id","name"}|null,"key_field","key_source",
    /// "create_new","remove_on_exit","every":"24h"|null,"max_attempts","mappings":[{"field","destination_field","rule"}],
    /// "membership":[{"audience":{"id","name"},"destination_field","value_in","value_out"}],"last_run":{...run}|null}</c>.
    /// </summary>
    public static JsonObject Definition(ExportDefinition definition, IReadOnlyDictionary<long, string?> audiences, ExportRun? lastRun) => new()
    {
        ["name"] = definition.Name,
        ["kind"] = Names.Kind(definition.Kind),
        ["destination"] = new JsonObject
        {
            ["type"] = definition.Destination.Type,
            ["settings"] = Settings(definition),
        },
        ["audience"] = definition.Audience is { } id ? Audience(id, audiences) : null,
        ["key_field"] = definition.KeySource is null ? definition.KeyField : null,
        ["key_source"] = definition.KeySource,
        ["create_new"] = definition.CreateNew,
        ["remove_on_exit"] = definition.RemoveOnExit,
        ["every"] = definition.Every is { } every ? Durations.Format(every) : null,
        ["max_attempts"] = definition.MaxAttempts,
        ["mappings"] = new JsonArray([.. definition.Mappings.Select(m => (JsonNode)new JsonObject
        {
            ["field"] = m.Field,
            ["destination_field"] = m.DestinationField,
            ["rule"] = ExportRules.Word(m.Rule),
        })]),
        ["membership"] = new JsonArray([.. definition.Membership.Select(m => (JsonNode)new JsonObject
        {
            ["audience"] = Audience(m.Audience, audiences),
            ["destination_field"] = m.DestinationField,
            ["value_in"] = CliJson.Value(m.ValueIn),
            ["value_out"] = CliJson.Value(m.ValueOut),
        })]),
        ["last_run"] = lastRun is null ? null : Run(lastRun, definition.Destination),
    };

    /// <summary>The destination's settings by name, secrets as <c>***</c> and connection passwords masked.</summary>
    public static JsonObject Settings(ExportDefinition definition)
    {
        var settings = new JsonObject();
        foreach (var (name, value) in DestinationText.Settings(definition.Destination))
        {
            settings[name] = value;
        }

        return settings;
    }

    /// <summary>
    /// A run: <c>{"id","export","trigger":"manual|schedule","status":"running|completed|failed","full","started_at","finished_at"|null,
    /// "duration_seconds"|null,"sent","succeeded","failed","created","updated","removed","skipped","failure"|null}</c>.
    /// </summary>
    public static JsonObject Run(ExportRun run, DestinationSettings settings) => new()
    {
        ["id"] = run.Id,
        ["export"] = run.Export,
        ["trigger"] = run.Trigger == ExportTrigger.Schedule ? "schedule" : "manual",
        ["status"] = Status(run.Status),
        ["full"] = run.Full,
        ["started_at"] = Formats.IsoTime(run.StartedAt),
        ["finished_at"] = run.FinishedAt is { } finished ? Formats.IsoTime(finished) : null,
        ["duration_seconds"] = run.Duration is { } duration ? Math.Round(duration.TotalSeconds, 3) : null,
        ["sent"] = run.Sent,
        ["succeeded"] = run.Succeeded,
        ["failed"] = run.Failed,
        ["created"] = run.Created,
        ["updated"] = run.Updated,
        ["removed"] = run.Removed,
        ["skipped"] = run.Skipped,
        ["failure"] = run.Failure is { } failure ? DestinationText.Redact(failure, settings) : null,
    };

    /// <summary>
    /// A record of a write plan: <c>{"profile","key"|null,"action":"update|create|remove|unchanged|skip","reason"|null,
    /// "fields":[{"destination_field","source","value","current","action":"write|skipped-by-rule|unchanged","rule"}]}</c>.
    /// </summary>
    public static JsonObject PlanRecord(ExportPlanRecord record) => new()
    {
        ["profile"] = record.Profile.ToString(),
        ["key"] = record.Key,
        ["action"] = ExportText.Action(record.Action),
        ["reason"] = record.Reason,
        ["fields"] = new JsonArray([.. record.Fields.Select(f => (JsonNode)new JsonObject
        {
            ["destination_field"] = f.DestinationField,
            ["source"] = f.Source,
            ["value"] = CliJson.Value(f.Value),
            ["current"] = CliJson.Value(f.Current),
            ["action"] = ExportText.Action(f.Action),
            ["rule"] = ExportRules.Word(f.Rule),
        })]),
    };

    /// <summary>
    /// A write plan: <c>{"export","records":N,"shown":N,"actions":{"update","create","remove","unchanged","skip"},
    /// "fields":{"write","skipped_by_rule","unchanged"},"plan":[{...record}]}</c>; <c>plan</c> holds the first <c>shown</c> records.
    /// </summary>
    public static JsonObject Plan(string export, IReadOnlyList<ExportPlanRecord> records, int shown)
    {
        var fields = records.SelectMany(r => r.Fields).ToList();
        return new JsonObject
        {
            ["export"] = export,
            ["records"] = records.Count,
            ["shown"] = Math.Min(shown, records.Count),
            ["actions"] = new JsonObject
            {
                ["update"] = records.Count(r => r.Action == ExportPlanAction.Update),
                ["create"] = records.Count(r => r.Action == ExportPlanAction.Create),
                ["remove"] = records.Count(r => r.Action == ExportPlanAction.Remove),
                ["unchanged"] = records.Count(r => r.Action == ExportPlanAction.Unchanged),
                ["skip"] = records.Count(r => r.Action == ExportPlanAction.Skip),
            },
            ["fields"] = new JsonObject
            {
                ["write"] = fields.Count(f => f.Action == ExportFieldAction.Write),
                ["skipped_by_rule"] = fields.Count(f => f.Action == ExportFieldAction.SkippedByRule),
                ["unchanged"] = fields.Count(f => f.Action == ExportFieldAction.Unchanged),
            },
            ["plan"] = new JsonArray([.. records.Take(shown).Select(r => (JsonNode)PlanRecord(r))]),
        };
    }

    /// <summary>A record whose last write failed: <c>{"profile","key","reason","attempts","last_attempt_at","retry_at"|null,"gave_up"}</c>.</summary>
    public static JsonObject Failure(ExportFailure failure, DestinationSettings settings) => new()
    {
        ["profile"] = failure.Profile.ToString(),
        ["key"] = failure.Key,
        ["reason"] = DestinationText.Redact(failure.Reason, settings),
        ["attempts"] = failure.Attempts,
        ["last_attempt_at"] = Formats.IsoTime(failure.LastAttemptAt),
        ["retry_at"] = failure.RetryAt is { } at ? Formats.IsoTime(at) : null,
        ["gave_up"] = failure.GaveUp,
    };

    public static string Status(ExportRunStatus status) => status switch
    {
        ExportRunStatus.Completed => "completed",
        ExportRunStatus.Failed => "failed",
        _ => "running",
    };

    private static JsonObject Audience(long id, IReadOnlyDictionary<long, string?> names) => new() { ["id"] = id, ["name"] = names.GetValueOrDefault(id) };
}
