namespace Audiences.Sdk.Enrichment;

/// <summary>One run of an enrichment: when, how, what it looked up and wrote, what it cost, and how it ended.</summary>
/// <param name="Id">The run's id, larger than every earlier run's (0 before the store assigns it).</param>
/// <param name="Enrichment">The enrichment's name; runs outlive edits of its definition.</param>
/// <param name="Trigger">By hand, the schedule, records entering an audience, or a test.</param>
/// <param name="StartedAt">When the run started.</param>
public sealed record EnrichmentRun(long Id, string Enrichment, EnrichmentTrigger Trigger, DateTimeOffset StartedAt)
{
    /// <summary>Running, or how it ended.</summary>
    public EnrichmentRunStatus Status { get; init; } = EnrichmentRunStatus.Running;

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Records looked up.</summary>
    public long Processed { get; init; }

    /// <summary>Records whose found values were written to their profiles.</summary>
    public long Written { get; init; }

    /// <summary>Records not looked up: missing an input, or already looked up with the same inputs.</summary>
    public long Skipped { get; init; }

    /// <summary>Records whose look-up failed, each with its reason in <see cref="Errors"/> (up to the reporting limit).</summary>
    public long Failed { get; init; }

    /// <summary>Records found that did not meet the enrichment's gate, so went on to no action.</summary>
    public long Gated { get; init; }

    /// <summary>
    /// Records that passed the gate but were not handed to the record action, because the action had already taken
    /// its <see cref="IRecordAction.MaxRows"/> in this run. Their found values are written all the same (when the
    /// enrichment maps outputs); a later run offers them again only when their inputs change or it is forced.
    /// </summary>
    public long HeldBack { get; init; }

    /// <summary>The credits the run spent.</summary>
    public decimal Credits { get; init; }

    /// <summary>The first failures, each naming the profile and the provider.</summary>
    public IReadOnlyList<EnrichmentError> Errors { get; init; } = [];

    /// <summary>
    /// What the run warns about, each naming the enrichment: e.g. its audiences hold more members than its record
    /// action's <see cref="IRecordAction.MaxRows"/>.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why the run failed; null unless <see cref="Status"/> is <see cref="EnrichmentRunStatus.Failed"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>How long the run took; null while it runs.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
