namespace Audiences.Sdk.Import;

/// <summary>What an import did.</summary>
public sealed record ImportResult
{
    /// <summary>Rows read from the source, rejected ones included.</summary>
    public long Read { get; init; }

    /// <summary>Profiles created.</summary>
    public long Created { get; init; }

    /// <summary>Existing profiles whose data changed.</summary>
    public long Updated { get; init; }

    /// <summary>Records that changed nothing (a re-import of identical data).</summary>
    public long Unchanged { get; init; }

    /// <summary>Profiles merged into older ones (by alias or by probabilistic matching).</summary>
    public long Merged { get; init; }

    /// <summary>Of <see cref="Merged"/>, the merges probabilistic matching made (<see cref="ImportOptions.Fuzzy"/>).</summary>
    public long ProbabilisticMerged { get; init; }

    /// <summary>Pairs probabilistic matching queued for review (<see cref="Sdk.IProfileService.ListReviewsAsync"/>).</summary>
    public long QueuedForReview { get; init; }

    /// <summary>Rows rejected; each has an entry in <see cref="Errors"/> up to the report limit.</summary>
    public long Rejected { get; init; }

    /// <summary>
    /// Alias-field values kept as data but not matched on: invalid ones, and those the guard rails
    /// hold back (role mailboxes, placeholders, free-mail domains as company domains).
    /// </summary>
    public long Unmatchable { get; init; }

    /// <summary>Related records stored.</summary>
    public long Related { get; init; }

    /// <summary>The first rejections (at most <see cref="AudiencesOptions.MaxReportedErrors"/>), in input order.</summary>
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>The first unmatchable values (at most <see cref="AudiencesOptions.MaxReportedErrors"/>), with record, field and reason.</summary>
    public IReadOnlyList<ImportError> Warnings { get; init; } = [];
}
