namespace Audiences.Sdk.Enrichment;

/// <summary>When an enrichment runs on its own: every <see cref="Every"/>, or at each <see cref="Cron"/> occurrence.</summary>
/// <param name="Every">The time between runs; null for none.</param>
/// <param name="Cron">A cron expression (five fields, UTC) instead of <see cref="Every"/>; null for none.</param>
public sealed record EnrichmentSchedule(TimeSpan? Every = null, string? Cron = null)
{
    /// <summary>Once a day.</summary>
    public static EnrichmentSchedule Daily { get; } = new(TimeSpan.FromDays(1));

    /// <summary>At midnight UTC on the first day of each month: data bought monthly stays fresh without paying for it daily.</summary>
    public static EnrichmentSchedule Monthly { get; } = new(Cron: "0 0 1 * *");
}
