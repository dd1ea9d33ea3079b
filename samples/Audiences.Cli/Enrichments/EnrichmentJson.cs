using System.Text.Json.Nodes;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Enrichments;

/// <summary>The JSON shapes of enrichments, their budgets, runs and run outputs.</summary>
internal static class EnrichmentJson
{
    /// <summary>
    /// A run: <c>{"id":N,"enrichment":"...","trigger":"manual|schedule|continuous|test","status":"running|completed|budget-reached|failed",
    /// "startedAt":"...","finishedAt":"..."|null,"durationSeconds":N|null,"processed":N,"written":N,"skipped":N,"failed":N,"gated":N,
    /// "heldBack":N,"credits":N,"errors":[{"profile":"...","provider":"..."|null,"message":"..."}],"warnings":["..."],"failure":"..."|null}</c>;
    /// credits are this run's alone; heldBack counts records its row-capped action did not take.
    /// </summary>
    public static JsonObject Run(EnrichmentRun run) => new()
    {
        ["id"] = run.Id,
        ["enrichment"] = run.Enrichment,
        ["trigger"] = Trigger(run.Trigger),
        ["status"] = Status(run.Status),
        ["startedAt"] = Formats.IsoTime(run.StartedAt),
        ["finishedAt"] = run.FinishedAt is { } finished ? Formats.IsoTime(finished) : null,
        ["durationSeconds"] = run.Duration is { } duration ? Math.Round(duration.TotalSeconds, 3) : null,
        ["processed"] = run.Processed,
        ["written"] = run.Written,
        ["skipped"] = run.Skipped,
        ["failed"] = run.Failed,
        ["gated"] = run.Gated,
        ["heldBack"] = run.HeldBack,
        ["credits"] = run.Credits,
        ["errors"] = new JsonArray([.. run.Errors.Select(e => (JsonNode)new JsonObject
        {
            ["profile"] = e.Profile.ToString(),
            ["provider"] = e.Provider,
            ["message"] = e.Message,
        })]),
        ["warnings"] = Warnings(run.Warnings),
        ["failure"] = run.Failure,
    };

    /// <summary><c>["..."]</c>: warnings as text.</summary>
    public static JsonArray Warnings(IReadOnlyList<string> warnings) => new([.. warnings.Select(w => (JsonNode)JsonValue.Create(w))]);

    /// <summary><c>{"name":"...","cap":N|null,"spent":N,"reserved":N,"available":N|null}</c>; null cap and available mean no cap.</summary>
    public static JsonObject Budget(CreditBudget budget) => new()
    {
        ["name"] = budget.Name,
        ["cap"] = budget.Cap,
        ["spent"] = budget.Spent,
        ["reserved"] = budget.Reserved,
        ["available"] = budget.Available,
    };

    /// <summary>
    /// An enrichment: <c>{"name":"...","kind":"person|company","providers":["..."],"audiences":[N],"mappings":["output=field"],
    /// "action":"..."|null,"gate":"..."|null,"schedule":{"every":"1d"|null,"cron":"..."|null}|null,"continuous":bool,"budget":{...}}</c>.
    /// </summary>
    public static JsonObject Definition(EnrichmentDefinition definition, CreditBudget budget) => new()
    {
        ["name"] = definition.Name,
        ["kind"] = Names.Kind(definition.Kind),
        ["providers"] = new JsonArray([.. definition.Providers.Select(p => (JsonNode)JsonValue.Create(p))]),
        ["audiences"] = new JsonArray([.. definition.Audiences.Select(a => (JsonNode)JsonValue.Create(a))]),
        ["mappings"] = new JsonArray([.. definition.Mappings.Select(m => (JsonNode)JsonValue.Create(EnrichmentMappings.Format(m)))]),
        ["action"] = definition.Action,
        ["gate"] = definition.Gate,
        ["schedule"] = definition.Schedule is { } schedule
            ? new JsonObject
            {
                ["every"] = schedule.Every is { } every ? Durations.Format(every) : null,
                ["cron"] = schedule.Cron,
            }
            : null,
        ["continuous"] = definition.Continuous,
        ["budget"] = Budget(budget),
    };

    /// <summary>
    /// What a run got for one record: <c>{"profile":"...","outcome":"found|not-found|failed","values":{"key":value},
    /// "provider":"..."|null,"credits":N,"error":"..."|null}</c>.
    /// </summary>
    public static JsonObject Output(EnrichmentRunOutput output)
    {
        var values = new JsonObject();
        foreach (var (key, value) in output.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            values[key] = CliJson.Value(value);
        }

        return new JsonObject
        {
            ["profile"] = output.Profile.ToString(),
            ["outcome"] = Outcome(output.Outcome),
            ["values"] = values,
            ["provider"] = output.Provider,
            ["credits"] = output.Credits,
            ["error"] = output.Error,
        };
    }

    public static string Status(EnrichmentRunStatus status) => status switch
    {
        EnrichmentRunStatus.Completed => "completed",
        EnrichmentRunStatus.BudgetReached => "budget-reached",
        EnrichmentRunStatus.Failed => "failed",
        _ => "running",
    };

    public static string Outcome(EnrichmentOutcome outcome) => outcome switch
    {
        EnrichmentOutcome.Found => "found",
        EnrichmentOutcome.NotFound => "not-found",
        _ => "failed",
    };

    public static string Trigger(EnrichmentTrigger trigger) => trigger switch
    {
        EnrichmentTrigger.Schedule => "schedule",
        EnrichmentTrigger.Continuous => "continuous",
        EnrichmentTrigger.Test => "test",
        _ => "manual",
    };
}
