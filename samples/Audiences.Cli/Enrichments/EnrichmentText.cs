using System.Globalization;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Enrichments;

/// <summary>Human-readable views of enrichments, their budgets, runs and run outputs.</summary>
internal static class EnrichmentText
{
    /// <summary>When it runs: <c>by hand</c>, <c>every 1d</c>, <c>cron "0 0 1 * *"</c>, with <c>, continuous</c> when records are enriched as they arrive.</summary>
    public static string Schedule(EnrichmentDefinition definition)
    {
        var when = definition.Schedule switch
        {
            { Every: { } every } => $"every {Durations.Format(every)}",
            { Cron: { } cron } => $"cron \"{cron}\"",
            _ => "by hand",
        };
        return definition.Continuous ? $"{when}, continuous" : when;
    }

    /// <summary><c>cap 10, spent 4, reserved 0, available 6</c>; without a cap, <c>no cap, spent 4, reserved 0</c>.</summary>
    public static string Budget(CreditBudget budget) => budget.Cap is { } cap
        ? $"cap {CreditAmounts.Format(cap)}, spent {CreditAmounts.Format(budget.Spent)}, reserved {CreditAmounts.Format(budget.Reserved)}, available {CreditAmounts.Format(budget.Available ?? 0)}"
        : $"no cap, spent {CreditAmounts.Format(budget.Spent)}, reserved {CreditAmounts.Format(budget.Reserved)}";

    /// <summary>One line for a run: <c>budget-reached (0.1s): processed 3, written 3, skipped 0, failed 0, gated 0, credits 3</c>.</summary>
    public static string Outcome(EnrichmentRun run) => FormattableString.Invariant(
        $"{EnrichmentJson.Status(run.Status)}{Duration(run)}: processed {run.Processed}, written {run.Written}, skipped {run.Skipped}, failed {run.Failed}, gated {run.Gated}, credits {CreditAmounts.Format(run.Credits)}");

    /// <summary>A run with its errors and, when it failed, why.</summary>
    public static void WriteRun(TextWriter writer, EnrichmentRun run, string indent = "  ")
    {
        writer.WriteLine($"{indent}{Outcome(run)}");
        if (run.Status == EnrichmentRunStatus.BudgetReached)
        {
            writer.WriteLine($"{indent}the credit budget ran out; raise it with 'enrich budget {run.Enrichment} CREDITS' and run again to go on.");
        }

        if (run.Failure is { } failure)
        {
            writer.WriteLine($"{indent}failed: {Formats.OneLine(failure)}");
        }

        if (run.HeldBack > 0)
        {
            writer.WriteLine($"{indent}held back from its action: {Formats.Count(run.HeldBack)} records (past the rows the action takes in a run)");
        }

        WriteWarnings(writer, run.Warnings, indent);
        if (run.Errors.Count > 0)
        {
            writer.WriteLine($"{indent}errors:");
            foreach (var error in run.Errors)
            {
                writer.WriteLine($"{indent}  {Error(error)}");
            }

            if (run.Failed > run.Errors.Count)
            {
                writer.WriteLine($"{indent}  ... and {Formats.Count(run.Failed - run.Errors.Count)} more");
            }
        }
    }

    /// <summary>Each warning on its own line: <c>warning: ...</c>.</summary>
    public static void WriteWarnings(TextWriter writer, IReadOnlyList<string> warnings, string indent = "")
    {
        foreach (var warning in warnings)
        {
            writer.WriteLine($"{indent}warning: {Formats.OneLine(warning)}");
        }
    }

    /// <summary>An enrichment's runs, newest first, one row each.</summary>
    public static void WriteRuns(TextWriter writer, IReadOnlyList<EnrichmentRun> runs, string indent = "")
    {
        var table = new TextTable("RUN", "STARTED", "TRIGGER", "STATUS", "PROCESSED", "WRITTEN", "SKIPPED", "FAILED", "GATED", "CREDITS", "DURATION")
            .AlignRight(0, 4, 5, 6, 7, 8, 9);
        foreach (var run in runs)
        {
            table.Add(
                run.Id.ToString(CultureInfo.InvariantCulture),
                Formats.Time(run.StartedAt),
                EnrichmentJson.Trigger(run.Trigger),
                EnrichmentJson.Status(run.Status),
                Formats.Count(run.Processed),
                Formats.Count(run.Written),
                Formats.Count(run.Skipped),
                Formats.Count(run.Failed),
                Formats.Count(run.Gated),
                CreditAmounts.Format(run.Credits),
                run.Duration is { } duration ? SyncText.Seconds(duration) : "-");
            if (run.Failure is { } failure)
            {
                table.AddDetail($"failed: {Formats.OneLine(failure)}");
            }
        }

        table.WriteTo(writer, indent);
    }

    /// <summary>What a run got for each record: profile, outcome, values, provider, credits and error.</summary>
    public static void WriteOutputs(TextWriter writer, IReadOnlyList<EnrichmentRunOutput> outputs, string indent = "")
    {
        var table = new TextTable("PROFILE", "OUTCOME", "VALUES", "PROVIDER", "CREDITS", "ERROR").AlignRight(4);
        foreach (var output in outputs)
        {
            table.Add(
                output.Profile.ToString(),
                EnrichmentJson.Outcome(output.Outcome),
                Values(output),
                output.Provider ?? "-",
                CreditAmounts.Format(output.Credits),
                output.Error is { } error ? Formats.OneLine(error) : "-");
        }

        table.WriteTo(writer, indent);
    }

    /// <summary><c>employees=240, industry=Software</c>, keys in order; <c>-</c> when nothing was found.</summary>
    public static string Values(EnrichmentRunOutput output) => output.Values.Count == 0
        ? "-"
        : string.Join(", ", output.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Formats.OneLine(v.Value.ToString())}"));

    public static string Error(EnrichmentError error) =>
        $"{error.Profile}{(error.Provider is { } provider ? $" ({provider})" : "")}: {Formats.OneLine(error.Message)}";

    private static string Duration(EnrichmentRun run) => run.Duration is { } duration ? $" ({SyncText.Seconds(duration)})" : string.Empty;
}
