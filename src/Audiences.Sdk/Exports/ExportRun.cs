namespace Audiences.Sdk.Exports;

/// <summary>One run of an export: what it sent and what became of it.</summary>
/// <param name="Id">Its id, given by the store.</param>
/// <param name="Export">The export's name.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record ExportRun(long Id, string Export, ExportTrigger Trigger, DateTimeOffset StartedAt)
{
    /// <summary>Where it is.</summary>
    public ExportRunStatus Status { get; init; } = ExportRunStatus.Running;

    /// <summary>When it finished; null while running.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Whether it considered every record (the first run, or after the mappings changed) rather than those changed since the checkpoint.</summary>
    public bool Full { get; init; }

    /// <summary>Records sent to the destination (created, updated or removed, or failed there).</summary>
    public long Sent { get; init; }

    /// <summary>Records the destination accepted.</summary>
    public long Succeeded { get; init; }

    /// <summary>Records that failed (the destination's reason is in the outcome ledger).</summary>
    public long Failed { get; init; }

    /// <summary>Records created.</summary>
    public long Created { get; init; }

    /// <summary>Records updated.</summary>
    public long Updated { get; init; }

    /// <summary>Records removed.</summary>
    public long Removed { get; init; }

    /// <summary>Records not sent: no key, not in the destination while creating is off, or nothing to write by the rules.</summary>
    public long Skipped { get; init; }

    /// <summary>Why the run failed as a whole; null otherwise.</summary>
    public string? Failure { get; init; }

    /// <summary>How long it took; null while running.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
