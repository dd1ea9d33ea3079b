namespace Audiences.Samples.Worker.Configuration;

/// <summary>The <c>Schedule</c> of a configured sync, as text: durations such as <c>15m</c>, and a five-field cron expression.</summary>
internal sealed class ScheduleSettings
{
    /// <summary>The time between incremental runs.</summary>
    public string? Every { get; set; }

    /// <summary>The time between full runs.</summary>
    public string? FullEvery { get; set; }

    /// <summary>A cron expression (UTC) for incremental runs, instead of <see cref="Every"/>.</summary>
    public string? Cron { get; set; }

    /// <summary>Whether nothing is set, so the defaults apply.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Every) && string.IsNullOrWhiteSpace(FullEvery) && string.IsNullOrWhiteSpace(Cron);
}
