namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>What one enrichment run did, counted as it goes.</summary>
internal sealed class EnrichmentTally(int maxErrors)
{
    private readonly List<EnrichmentError> _errors = [];

    public long Processed { get; set; }

    public long Written { get; set; }

    public long Skipped { get; set; }

    public long Failed { get; private set; }

    public long Gated { get; set; }

    public decimal Credits { get; set; }

    public long HeldBack { get; set; }

    /// <summary>Records handed to the record action so far.</summary>
    public long Acted { get; set; }

    public void Fail(EnrichmentError error)
    {
        Failed++;
        if (_errors.Count < maxErrors)
        {
            _errors.Add(error);
        }
    }

    public EnrichmentRun ApplyTo(EnrichmentRun run) => run with
    {
        Processed = Processed,
        Written = Written,
        Skipped = Skipped,
        Failed = Failed,
        Gated = Gated,
        Credits = Credits,
        HeldBack = HeldBack,
        Errors = [.. _errors],
    };
}
