using System.Globalization;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Signals;

/// <summary>Human-readable views of signals, their costs and runs.</summary>
internal static class SignalText
{
    /// <summary>When it runs: <c>every 1d</c> or <c>by hand</c>.</summary>
    public static string Every(SignalDefinition definition) => definition.Every is { } every ? $"every {Durations.Format(every)}" : "by hand";

    /// <summary><c>audience 1 'Hot leads'</c>, or <c>audience 4 (deleted)</c>.</summary>
    public static string Audience(long id, IReadOnlyDictionary<long, string?> names) =>
        names.GetValueOrDefault(id) is { } name ? $"audience {id} '{name}'" : $"audience {id} (deleted)";

    /// <summary>The saved signal: what it watches, its companions, fields and budget.</summary>
    public static void WriteDefinition(TextWriter writer, SignalDefinition definition, IReadOnlyDictionary<long, string?> names, CreditBudget budget)
    {
        writer.WriteLine(
            $"Saved signal '{definition.Name}' ({Names.Kind(definition.Kind)}, {SignalTypeText.Word(definition.Type)}, {definition.Provider}, "
            + $"looks back {(int)definition.LookBack} months, {Every(definition)}).");
        writer.WriteLine($"Watches: {string.Join(", ", definition.Audiences.Select(a => Audience(a, names)))}.");
        foreach (var companion in definition.Companions)
        {
            writer.WriteLine($"Companion: {Audience(companion.Companion, names)}, the members of audience {companion.Audience} the signal fired for.");
        }

        writer.WriteLine($"Fields: {definition.Field} (when), {definition.DetailsField} (what happened), {SignalFields.Summary} (every signal of a record).");
        writer.WriteLine($"Budget: {EnrichmentText.Budget(budget)}.");
    }

    /// <summary><c>5 records at 1 credit each: 5 credits</c>.</summary>
    public static string Preview(SignalCostPreview preview) =>
        $"{Formats.Count(preview.Records)} record{(preview.Records == 1 ? "" : "s")} at {CreditAmounts.Format(preview.CostPerRecord)} "
        + $"credit{(preview.CostPerRecord == 1 ? "" : "s")} each: {CreditAmounts.Format(preview.Total)} credits";

    /// <summary>One line for a run: <c>completed (0.1s): checked 5, fired 1, failed 0, credits 5</c>.</summary>
    public static string Outcome(SignalRun run) => FormattableString.Invariant(
        $"{SignalJson.Status(run.Status)}{(run.Duration is { } d ? $" ({SyncText.Seconds(d)})" : "")}: checked {run.Checked}, fired {run.Fired}, failed {run.Failed}, credits {CreditAmounts.Format(run.Credits)}");

    /// <summary>A run with its errors and, when the budget ran out or it failed, what that means.</summary>
    public static void WriteRun(TextWriter writer, SignalRun run, string indent = "  ")
    {
        writer.WriteLine($"{indent}{Outcome(run)}");
        if (run.Status == SignalRunStatus.BudgetReached)
        {
            writer.WriteLine($"{indent}the credit budget ran out; raise it with 'signal budget {run.Signal} --cap CREDITS' and run again to check the rest.");
        }

        if (run.Failure is { } failure)
        {
            writer.WriteLine($"{indent}failed: {Formats.OneLine(failure)}");
        }

        if (run.Errors.Count > 0)
        {
            writer.WriteLine($"{indent}errors:");
            foreach (var error in run.Errors)
            {
                writer.WriteLine($"{indent}  {error.Profile}: {Formats.OneLine(error.Message)}");
            }

            if (run.Failed > run.Errors.Count)
            {
                writer.WriteLine($"{indent}  ... and {Formats.Count(run.Failed - run.Errors.Count)} more");
            }
        }
    }

    /// <summary>A signal's runs, newest first, one row each.</summary>
    public static void WriteRuns(TextWriter writer, IReadOnlyList<SignalRun> runs, string indent = "")
    {
        var table = new TextTable("RUN", "STARTED", "TRIGGER", "STATUS", "CHECKED", "FIRED", "FAILED", "CREDITS", "DURATION").AlignRight(0, 4, 5, 6, 7);
        foreach (var run in runs)
        {
            table.Add(
                run.Id.ToString(CultureInfo.InvariantCulture),
                Formats.Time(run.StartedAt),
                run.Trigger == SignalTrigger.Schedule ? "schedule" : "manual",
                SignalJson.Status(run.Status),
                Formats.Count(run.Checked),
                Formats.Count(run.Fired),
                Formats.Count(run.Failed),
                CreditAmounts.Format(run.Credits),
                run.Duration is { } duration ? SyncText.Seconds(duration) : "-");
            if (run.Failure is { } failure)
            {
                table.AddDetail($"failed: {Formats.OneLine(failure)}");
            }
        }

        table.WriteTo(writer, indent);
    }

    /// <summary><c>completed 2026-03-02 08:00</c>, or <c>never</c>.</summary>
    public static string LastRun(SignalRun? run) =>
        run is null ? "never" : $"{SignalJson.Status(run.Status)} {run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";
}
