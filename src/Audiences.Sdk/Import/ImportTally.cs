namespace Audiences.Sdk.Import;

/// <summary>Mutable counters of an import; a batch keeps its own and adds them after it commits.</summary>
internal sealed class ImportTally(int errorRoom)
{
    private readonly List<ImportError> _errors = [];
    private readonly List<ImportError> _warnings = [];

    public long Read { get; set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Merged { get; set; }

    public long Rejected { get; private set; }

    public long Unmatchable { get; private set; }

    /// <summary>How many more errors may be kept in detail.</summary>
    public int ErrorRoom => Math.Max(0, errorRoom - _errors.Count);

    public void Reject(ImportError error)
    {
        Rejected++;
        if (_errors.Count < errorRoom)
        {
            _errors.Add(error);
        }
    }

    public void Warn(ImportError warning)
    {
        Unmatchable++;
        if (_warnings.Count < errorRoom)
        {
            _warnings.Add(warning);
        }
    }

    public void Count(RecordOutcome outcome)
    {
        switch (outcome)
        {
            case RecordOutcome.Created: Created++; break;
            case RecordOutcome.Updated: Updated++; break;
            default: Unchanged++; break;
        }
    }

    public void Add(ImportTally batch)
    {
        Read += batch.Read;
        Created += batch.Created;
        Updated += batch.Updated;
        Unchanged += batch.Unchanged;
        Merged += batch.Merged;
        Rejected += batch.Rejected;
        Unmatchable += batch.Unmatchable;
        _errors.AddRange(batch._errors.Take(ErrorRoom));
        _warnings.AddRange(batch._warnings.Take(Math.Max(0, errorRoom - _warnings.Count)));
    }

    public ImportProgress ToProgress(long batches) => new(batches, Read, Created, Updated, Merged, Rejected);

    public ImportResult ToResult() => new()
    {
        Read = Read,
        Created = Created,
        Updated = Updated,
        Unchanged = Unchanged,
        Merged = Merged,
        Rejected = Rejected,
        Unmatchable = Unmatchable,
        Errors = _errors.ToArray(),
        Warnings = _warnings.ToArray(),
    };
}
