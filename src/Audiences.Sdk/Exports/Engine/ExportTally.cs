namespace Audiences.Sdk.Exports.Engine;

/// <summary>The counts of a run as its outcomes come in.</summary>
internal sealed class ExportTally
{
    public long Sent { get; private set; }

    public long Succeeded { get; private set; }

    public long Failed { get; private set; }

    public long Created { get; private set; }

    public long Updated { get; private set; }

    public long Removed { get; private set; }

    public long Skipped { get; private set; }

    /// <summary>Counts outcomes; <paramref name="sent"/> says whether they came back from the destination.</summary>
    public void Add(IEnumerable<ExportOutcome> outcomes, bool sent)
    {
        foreach (var outcome in outcomes)
        {
            Sent += sent ? 1 : 0;
            switch (outcome.Kind)
            {
                case ExportOutcomeKind.Created: Created++; Succeeded++; break;
                case ExportOutcomeKind.Updated: Updated++; Succeeded++; break;
                case ExportOutcomeKind.Removed: Removed++; Succeeded++; break;
                case ExportOutcomeKind.Skipped: Skipped++; break;
                case ExportOutcomeKind.Failed: Failed++; break;
            }
        }
    }

    /// <summary>The run with these counts.</summary>
    public ExportRun Apply(ExportRun run) => run with
    {
        Sent = Sent,
        Succeeded = Succeeded,
        Failed = Failed,
        Created = Created,
        Updated = Updated,
        Removed = Removed,
        Skipped = Skipped,
    };
}
