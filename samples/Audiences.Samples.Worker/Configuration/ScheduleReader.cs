using Audiences.Sdk.Sync;
using Cronos;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>Reads the <c>Schedule</c> of a configured sync, or picks the default for its kind of read.</summary>
internal static class ScheduleReader
{
    /// <summary>
    /// Reads a schedule. Nothing set means every 15 minutes when the sync has a timestamp field (it can read changes
    /// only), and in full every 12 hours when it has none.
    /// </summary>
    /// <param name="settings">The schedule's text.</param>
    /// <param name="path">The schedule's configuration path, for messages.</param>
    /// <param name="hasTimestamp">Whether the sync names a timestamp field.</param>
    /// <param name="problems">Receives what is wrong.</param>
    /// <returns>The schedule; null when something is wrong.</returns>
    public static SyncSchedule? Read(ScheduleSettings settings, string path, bool hasTimestamp, List<string> problems)
    {
        if (settings.IsEmpty)
        {
            return hasTimestamp ? SyncSchedule.WarehouseIncremental : SyncSchedule.WarehouseFull;
        }

        var before = problems.Count;
        var every = Duration(settings.Every, $"{path}:Every", problems);
        var fullEvery = Duration(settings.FullEvery, $"{path}:FullEvery", problems);
        var cron = string.IsNullOrWhiteSpace(settings.Cron) ? null : settings.Cron.Trim();
        if (cron is not null && CronProblem(cron) is { } reason)
        {
            problems.Add($"{path}:Cron is '{cron}', which does not parse ({reason}); write five fields in UTC, e.g. '*/15 * * * *'");
        }

        if (!string.IsNullOrWhiteSpace(settings.Every) && cron is not null)
        {
            problems.Add($"{path} has both Every and Cron for its incremental runs; keep one");
        }

        return problems.Count > before ? null : new SyncSchedule(every, fullEvery, cron);
    }

    private static TimeSpan? Duration(string? text, string path, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Durations.TryParse(text, out var duration))
        {
            return duration;
        }

        problems.Add($"{path} is '{text}', which is no duration; {Durations.Forms}");
        return null;
    }

    private static string? CronProblem(string expression)
    {
        try
        {
            CronExpression.Parse(expression);
            return null;
        }
        catch (CronFormatException e)
        {
            return e.Message.TrimEnd('.');
        }
    }
}
