using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sync;

/// <summary>The counts of a run as its batches are stored, and its first errors and deletions.</summary>
internal sealed class SyncTally(int maxErrors)
{
    private readonly List<ImportError> _errors = [];

    public long Read { get; private set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Merged { get; private set; }

    public long Rejected { get; private set; }

    public long Related { get; private set; }

    public long Deleted { get; private set; }

    public long QueuedForReview { get; private set; }

    /// <summary>Adds what one stored batch did.</summary>
    public void Add(ImportResult result)
    {
        Read += result.Read;
        Created += result.Created;
        Updated += result.Updated;
        Unchanged += result.Unchanged;
        Merged += result.Merged;
        Rejected += result.Rejected;
        Related += result.Related;
        foreach (var error in result.Errors)
        {
            Note(error);
        }
    }

    /// <summary>Counts a record that could not be built, already counted as read.</summary>
    public void Reject(ImportError error)
    {
        Rejected++;
        Note(error);
    }

    /// <summary>Counts records read that the import did not see (rejected before it).</summary>
    public void CountRead(long read) => Read += read;

    /// <summary>Counts a record deleted at the source.</summary>
    public void Delete(SourceRecordKey record, string reason)
    {
        Deleted++;
        Note(new ImportError(reason) { Record = record });
    }

    /// <summary>Counts what the run's probabilistic matching did.</summary>
    public void AddProbabilistic(long merged, long queued)
    {
        Merged += merged;
        QueuedForReview += queued;
    }

    public SyncRun ApplyTo(SyncRun run) => run with
    {
        QueuedForReview = QueuedForReview,
        Read = Read,
        Created = Created,
        Updated = Updated,
        Unchanged = Unchanged,
        Merged = Merged,
        Rejected = Rejected,
        Related = Related,
        Deleted = Deleted,
        Errors = [.. _errors],
    };

    private void Note(ImportError error)
    {
        if (_errors.Count < maxErrors)
        {
            _errors.Add(error);
        }
    }
}
