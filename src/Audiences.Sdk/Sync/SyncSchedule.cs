namespace Audiences.Sdk.Sync;

/// <summary>
/// When a sync runs on its own: incrementally every <see cref="Every"/> (or at each <see cref="Cron"/>
/// occurrence) and in full every <see cref="FullEvery"/>. A schedule with none of them runs only by hand.
/// After downtime a due sync runs once, not once per missed slot.
/// </summary>
/// <param name="Every">The time between incremental runs; null for none.</param>
/// <param name="FullEvery">The time between full runs (which also find deleted records); null for none.</param>
/// <param name="Cron">A cron expression (five fields, UTC) for incremental runs instead of <see cref="Every"/>; null for none.</param>
public sealed record SyncSchedule(TimeSpan? Every = null, TimeSpan? FullEvery = null, string? Cron = null)
{
    /// <summary>Only by hand.</summary>
    public static SyncSchedule Manual { get; } = new();

    /// <summary>A CRM object: incremental every 15 minutes, in full once a week.</summary>
    public static SyncSchedule Crm { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromDays(7));

    /// <summary>A warehouse query with a timestamp field: incremental every 15 minutes.</summary>
    public static SyncSchedule WarehouseIncremental { get; } = new(TimeSpan.FromMinutes(15));

    /// <summary>A warehouse query without a timestamp field: in full every 12 hours.</summary>
    public static SyncSchedule WarehouseFull { get; } = new(FullEvery: TimeSpan.FromHours(12));

    /// <summary>Whether the schedule runs on its own at all.</summary>
    public bool IsManual => Every is null && FullEvery is null && Cron is null;
}
