namespace Audiences.Sdk;

/// <summary>Settings of the SDK, validated when the host starts (or when first resolved).</summary>
public sealed class AudiencesOptions
{
    /// <summary>The largest batch size allowed.</summary>
    public const int MaxImportBatchSize = 1_000_000;

    /// <summary>Records per atomic import batch. Larger batches are faster; a crash loses at most one. Default 5,000.</summary>
    public int ImportBatchSize { get; set; } = 5_000;

    /// <summary>How many rejected rows an import reports in detail (the count is always exact). Default 1,000.</summary>
    public int MaxReportedErrors { get; set; } = 1_000;

    /// <summary>Values never matched on: role mailboxes, placeholders, free-mail domains as company domains. On by default.</summary>
    public Matching.MatchingGuardRails GuardRails { get; } = new();

    /// <summary>Per-field overrides of the default survivorship order.</summary>
    public Profiles.SurvivorshipRules Survivorship { get; } = new();

    /// <summary>
    /// The region (ISO 3166 code such as <c>US</c>) for phone numbers written without a country code;
    /// null (the default) matches only numbers that carry one.
    /// </summary>
    public string? DefaultPhoneRegion { get; set; }

    /// <summary>The name of the configured profile store; set by <c>UseSqlite</c>, <c>UseInMemory</c> or <c>UseStore</c>.</summary>
    public string? StoreName { get; set; }

    /// <summary>
    /// The related record collections filters may quantify over (e.g. <c>opportunities.any(stage = "Closed Won")</c>
    /// on companies), with their fields; none by default. They complete the field catalog of people and companies,
    /// which comes from the store, for counts, listings and audiences alike.
    /// </summary>
    public IList<Filtering.RelatedRecordType> RelatedRecordTypes { get; } = [];

    /// <summary>How syncs read their sources: retries, timeouts, and when a run still marked running is taken for dead.</summary>
    public Sync.SyncOptions Sync { get; } = new();

    /// <summary>How enrichment and signal providers are called: timeouts, retries and rate limits.</summary>
    public Providers.ProviderPipelineOptions Providers { get; } = new();

    /// <summary>How exports run: stale runs, retries of failed records and of destination calls, batch sizes.</summary>
    public Exports.ExportOptions Exports { get; } = new();
}
