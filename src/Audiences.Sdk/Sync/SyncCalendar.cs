using Audiences.Sdk.Sources;
using Cronos;

namespace Audiences.Sdk.Sync;

/// <summary>
/// When a sync is due, from its schedule and the start of its last runs. A slot missed during downtime makes the sync
/// due once (not once per slot); a failed run counts as the slot's attempt, so a broken source is not hammered.
/// </summary>
internal static class SyncCalendar
{
    /// <summary>The read a sync is due for now, or null when it is not due. A full read, when due, comes first.</summary>
    /// <param name="definition">The sync.</param>
    /// <param name="lastRun">Its newest run of any mode (a full read also serves as the incremental one).</param>
    /// <param name="lastFull">Its newest full run.</param>
    /// <param name="now">The time now.</param>
    public static SourceReadMode? DueMode(SyncDefinition definition, SyncRun? lastRun, SyncRun? lastFull, DateTimeOffset now)
    {
        if (NextFull(definition, lastFull) <= now)
        {
            return SourceReadMode.Full;
        }

        // A query without a timestamp field cannot read changes only: its cadence re-reads it in full.
        return NextIncremental(definition, lastRun) <= now
            ? definition.TimestampField is null ? SourceReadMode.Full : SourceReadMode.Incremental
            : null;
    }

    /// <summary>When the sync falls due next (in the past when it is due now), or null when it runs only by hand.</summary>
    public static DateTimeOffset? NextDue(SyncDefinition definition, SyncRun? lastRun, SyncRun? lastFull)
    {
        var full = NextFull(definition, lastFull);
        var incremental = NextIncremental(definition, lastRun);
        return full is null ? incremental : incremental is null ? full : full < incremental ? full : incremental;
    }

    /// <summary>Checks a cron expression (five fields, UTC); returns the reason it is not usable, or null.</summary>
    public static string? CheckCron(string expression)
    {
        try
        {
            CronExpression.Parse(expression);
            return null;
        }
        catch (CronFormatException e)
        {
            return e.Message;
        }
    }

    private static DateTimeOffset? NextFull(SyncDefinition definition, SyncRun? lastFull) =>
        definition.Schedule.FullEvery is { } every ? lastFull is null ? DateTimeOffset.MinValue : lastFull.StartedAt + every : null;

    private static DateTimeOffset? NextIncremental(SyncDefinition definition, SyncRun? lastRun)
    {
        if (definition.Schedule.Cron is { } cron)
        {
            return lastRun is null
                ? DateTimeOffset.MinValue
                : CronExpression.Parse(cron).GetNextOccurrence(lastRun.StartedAt, TimeZoneInfo.Utc);
        }

        return definition.Schedule.Every is { } every ? lastRun is null ? DateTimeOffset.MinValue : lastRun.StartedAt + every : null;
    }
}
