using Audiences.Cli.Output;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>Human-readable views of syncs and their runs.</summary>
internal static class SyncText
{
    /// <summary>The schedule in words: <c>by hand</c>, <c>every 15m, in full every 12h</c>, <c>cron "0 * * * *"</c>.</summary>
    public static string Schedule(SyncSchedule schedule)
    {
        if (schedule.IsManual)
        {
            return "by hand";
        }

        var parts = new List<string>();
        if (schedule.Every is { } every)
        {
            parts.Add($"every {Durations.Format(every)}");
        }

        if (schedule.Cron is { } cron)
        {
            parts.Add($"cron \"{cron}\"");
        }

        if (schedule.FullEvery is { } full)
        {
            parts.Add($"in full every {Durations.Format(full)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>One line for a run's outcome: <c>succeeded (incremental, 0.4s): read 2, created 0, ...</c>.</summary>
    public static string Outcome(SyncRun run) => FormattableString.Invariant(
        $"{SyncJson.Status(run.Status)} ({SyncJson.Mode(run.Mode)}{Duration(run)}): read {run.Read}, created {run.Created}, updated {run.Updated}, unchanged {run.Unchanged}, merged {run.Merged}, rejected {run.Rejected}, deleted {run.Deleted}");

    /// <summary>A run with its errors and, when it failed, why.</summary>
    public static void WriteRun(TextWriter writer, SyncRun run, string? connection, string indent = "  ")
    {
        writer.WriteLine($"{indent}{Outcome(run)}");
        if (run.Failure is { } failure)
        {
            writer.WriteLine($"{indent}failed: {Formats.OneLine(ConnectionText.Redact(failure, connection))}");
        }

        if (run.Errors.Count > 0)
        {
            writer.WriteLine($"{indent}errors:");
            foreach (var error in run.Errors)
            {
                writer.WriteLine($"{indent}  {Formats.OneLine(ConnectionText.Redact(error.ToString(), connection))}");
            }

            if (run.Rejected + run.Deleted > run.Errors.Count && run.Rejected > run.Errors.Count)
            {
                writer.WriteLine($"{indent}  ... and {Formats.Count(run.Rejected - run.Errors.Count)} more");
            }
        }
    }

    /// <summary>The runs of a sync, newest first, one row each.</summary>
    public static void WriteHistory(TextWriter writer, IReadOnlyList<SyncRun> runs, string indent = "")
    {
        var table = new TextTable("RUN", "STARTED", "MODE", "TRIGGER", "STATUS", "READ", "CREATED", "UPDATED", "REJECTED", "DELETED", "DURATION").AlignRight(0, 5, 6, 7, 8, 9);
        foreach (var run in runs)
        {
            table.Add(
                run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formats.Time(run.StartedAt),
                SyncJson.Mode(run.Mode),
                run.Trigger == SyncTrigger.Schedule ? "schedule" : "manual",
                SyncJson.Status(run.Status),
                Formats.Count(run.Read),
                Formats.Count(run.Created),
                Formats.Count(run.Updated),
                Formats.Count(run.Rejected),
                Formats.Count(run.Deleted),
                run.Duration is { } duration ? Seconds(duration) : "-");
            if (run.Failure is { } failure)
            {
                table.AddDetail($"failed: {Formats.OneLine(failure)}");
            }
        }

        table.WriteTo(writer, indent);
    }

    public static string Seconds(TimeSpan duration) => FormattableString.Invariant($"{duration.TotalSeconds:0.0}s");

    private static string Duration(SyncRun run) => run.Duration is { } duration ? $", {Seconds(duration)}" : string.Empty;
}
