using System.Text.Json.Nodes;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Signals;

/// <summary>
/// The JSON shapes of signals, their costs and runs. Keys of several words are written with underscores
/// (<c>cost_per_record</c>, <c>started_at</c>), as the SDK's own signal JSON writes them.
/// </summary>
internal static class SignalJson
{
    /// <summary>
    /// A signal: <c>{"name","kind","type","provider","audiences":[{"id","name"}],"lookback":"6m","every":"1d"|null,
    /// "budget":{...enrich budget},"companions":[{"audience":N,"id":N,"name":"..."}],"fields":{"time","details","summary"},
    /// "last_run":{...run}|null}</c>.
    /// </summary>
    public static JsonObject Definition(SignalDefinition definition, IReadOnlyDictionary<long, string?> names, CreditBudget budget, SignalRun? lastRun) => new()
    {
        ["name"] = definition.Name,
        ["kind"] = Names.Kind(definition.Kind),
        ["type"] = SignalTypeText.Word(definition.Type),
        ["provider"] = definition.Provider,
        ["audiences"] = new JsonArray([.. definition.Audiences.Select(a => (JsonNode)new JsonObject { ["id"] = a, ["name"] = names.GetValueOrDefault(a) })]),
        ["lookback"] = SignalLookBacks.Format(definition.LookBack),
        ["every"] = definition.Every is { } every ? Durations.Format(every) : null,
        ["budget"] = EnrichmentJson.Budget(budget),
        ["companions"] = new JsonArray([.. definition.Companions.Select(c => (JsonNode)new JsonObject
        {
            ["audience"] = c.Audience,
            ["id"] = c.Companion,
            ["name"] = names.GetValueOrDefault(c.Companion),
        })]),
        ["fields"] = new JsonObject
        {
            ["time"] = definition.Field,
            ["details"] = definition.DetailsField,
            ["summary"] = SignalFields.Summary,
        },
        ["last_run"] = lastRun is null ? null : Run(lastRun),
    };

    /// <summary><c>{"signal":"...","records":N,"cost_per_record":X,"total":Y}</c>.</summary>
    public static JsonObject Preview(string signal, SignalCostPreview preview) => new()
    {
        ["signal"] = signal,
        ["records"] = preview.Records,
        ["cost_per_record"] = preview.CostPerRecord,
        ["total"] = preview.Total,
    };

    /// <summary>
    /// A run: <c>{"id":N,"signal":"...","trigger":"manual|schedule","status":"running|completed|budget-reached|failed","started_at":"...",
    /// "finished_at":"..."|null,"duration_seconds":N|null,"checked":N,"fired":N,"failed":N,"credits":X,"errors":[{"profile","message"}],"failure":"..."|null}</c>.
    /// </summary>
    public static JsonObject Run(SignalRun run) => new()
    {
        ["id"] = run.Id,
        ["signal"] = run.Signal,
        ["trigger"] = run.Trigger == SignalTrigger.Schedule ? "schedule" : "manual",
        ["status"] = Status(run.Status),
        ["started_at"] = Formats.IsoTime(run.StartedAt),
        ["finished_at"] = run.FinishedAt is { } finished ? Formats.IsoTime(finished) : null,
        ["duration_seconds"] = run.Duration is { } duration ? Math.Round(duration.TotalSeconds, 3) : null,
        ["checked"] = run.Checked,
        ["fired"] = run.Fired,
        ["failed"] = run.Failed,
        ["credits"] = run.Credits,
        ["errors"] = new JsonArray([.. run.Errors.Select(e => (JsonNode)new JsonObject { ["profile"] = e.Profile.ToString(), ["message"] = e.Message })]),
        ["failure"] = run.Failure,
    };

    /// <summary>A companion audience with its members: <c>{"audience":N,"id":N,"name":"...","members":N}</c>.</summary>
    public static JsonObject Companion(SignalCompanion companion, Audience? audience, long members) => new()
    {
        ["audience"] = companion.Audience,
        ["id"] = companion.Companion,
        ["name"] = audience?.Name,
        ["members"] = members,
    };

    public static string Status(SignalRunStatus status) => status switch
    {
        SignalRunStatus.Completed => "completed",
        SignalRunStatus.BudgetReached => "budget-reached",
        SignalRunStatus.Failed => "failed",
        _ => "running",
    };
}
