using System.Globalization;
using Audiences.Sdk.Import;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>One run of a sync: when, how, what it read and stored, and how it ended.</summary>
/// <param name="Id">The run's id, larger than every earlier run's (0 before the store assigns it).</param>
/// <param name="Sync">The sync's name.</param>
/// <param name="Mode">A full read or the changes after the cursor.</param>
/// <param name="Trigger">The schedule, or by hand.</param>
/// <param name="StartedAt">When the run started.</param>
public sealed record SyncRun(long Id, string Sync, SourceReadMode Mode, SyncTrigger Trigger, DateTimeOffset StartedAt)
{
    /// <summary>Running, succeeded or failed.</summary>
    public SyncRunStatus Status { get; init; } = SyncRunStatus.Running;

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Records read from the source.</summary>
    public long Read { get; init; }

    /// <summary>Profiles created.</summary>
    public long Created { get; init; }

    /// <summary>Records that changed a stored profile.</summary>
    public long Updated { get; init; }

    /// <summary>Records read again without a change.</summary>
    public long Unchanged { get; init; }

    /// <summary>Profiles merged into others.</summary>
    public long Merged { get; init; }

    /// <summary>Records rejected, each with its reason in <see cref="Errors"/> (up to the reporting limit).</summary>
    public long Rejected { get; init; }

    /// <summary>Related records stored (for a sync of related records).</summary>
    public long Related { get; init; }

    /// <summary>Records the source reported deleted, or that a full read no longer found.</summary>
    public long Deleted { get; init; }

    /// <summary>Pairs the run's probabilistic matching (see <see cref="SyncDefinition.FuzzyFields"/>) queued for review.</summary>
    public long QueuedForReview { get; init; }

    /// <summary>
    /// The first rejections and deletions (up to <c>AudiencesOptions.MaxReportedErrors</c>), each naming the record,
    /// the field when one is at fault, the line when the source has lines, and the reason.
    /// </summary>
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>Why the run failed; null unless <see cref="Status"/> is <see cref="SyncRunStatus.Failed"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>The cursor the run started from.</summary>
    public string? CursorBefore { get; init; }

    /// <summary>The cursor after the last batch the run stored.</summary>
    public string? CursorAfter { get; init; }

    /// <summary>How long the run took; null while it runs.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>
    /// This run, found still marked running when <paramref name="next"/> took over after the stale time, as a failed
    /// run that ended then and says why. Stores record it when <see cref="ISyncStateStore.TryStartRunAsync"/> takes over.
    /// </summary>
    /// <param name="next">The run that took over, with its id.</param>
    /// <param name="staleBefore">The stale bound the takeover used: runs started before it count as abandoned.</param>
    public SyncRun AbandonedBy(SyncRun next, DateTimeOffset staleBefore)
    {
        ArgumentNullException.ThrowIfNull(next);
        return this with
        {
            Status = SyncRunStatus.Failed,
            FinishedAt = next.StartedAt,
            Failure = string.Create(CultureInfo.InvariantCulture,
                $"Abandoned: still marked running when run {next.Id} started at {next.StartedAt:O}, having started before {staleBefore:O}; its process stopped without finishing it."),
        };
    }
}
