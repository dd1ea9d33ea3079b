using Cronos;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>
/// When an enrichment is due: at its schedule's next slot after its last run, and — when continuous — every
/// <see cref="ContinuousEvery"/>, so records entering its audiences are enriched within that time (members already
/// looked up cost nothing, so such a run buys only for the newcomers). Missed slots make it due once.
/// </summary>
internal static class EnrichmentCalendar
{
    /// <summary>How often a continuous enrichment looks for records that entered its audiences.</summary>
    public static readonly TimeSpan ContinuousEvery = TimeSpan.FromMinutes(15);

    /// <summary>The trigger of the run due now, or null when none is.</summary>
    public static EnrichmentTrigger? Due(EnrichmentDefinition definition, EnrichmentRun? lastRun, DateTimeOffset now) =>
        NextScheduled(definition, lastRun) <= now ? EnrichmentTrigger.Schedule
        : NextContinuous(definition, lastRun) <= now ? EnrichmentTrigger.Continuous
        : null;

    /// <summary>When the enrichment falls due next (in the past when it is due now); null when it runs only by hand.</summary>
    public static DateTimeOffset? NextDue(EnrichmentDefinition definition, EnrichmentRun? lastRun) =>
        (NextScheduled(definition, lastRun), NextContinuous(definition, lastRun)) switch
        {
            ({ } scheduled, { } continuous) => scheduled < continuous ? scheduled : continuous,
            (var scheduled, var continuous) => scheduled ?? continuous,
        };

    private static DateTimeOffset? NextScheduled(EnrichmentDefinition definition, EnrichmentRun? lastRun) => definition.Schedule switch
    {
        null => null,
        _ when lastRun is null => DateTimeOffset.MinValue,
        { Cron: { } cron } => CronExpression.Parse(cron).GetNextOccurrence(lastRun.StartedAt, TimeZoneInfo.Utc),
        { Every: { } every } => lastRun.StartedAt + every,
        _ => null,
    };

    private static DateTimeOffset? NextContinuous(EnrichmentDefinition definition, EnrichmentRun? lastRun) =>
        !definition.Continuous ? null : lastRun is null ? DateTimeOffset.MinValue : lastRun.StartedAt + ContinuousEvery;
}
