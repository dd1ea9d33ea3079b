namespace Audiences.Sdk.Enrichment;

/// <summary>
/// Something a host does with records an enrichment found and its quality gate let through — enrol them in a sequence,
/// notify a team. An enrichment names it by <see cref="Name"/>; an action-only enrichment writes nothing to the profiles.
/// </summary>
public interface IRecordAction
{
    /// <summary>The action's name, as enrichments name it (e.g. <c>enrol-in-sequence</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The most records the target takes in one run (sequencers and ad tools often cap at 50,000); null, the default,
    /// for no cap. An enrichment whose audiences hold more distinct members than this is warned about
    /// (<see cref="IEnrichmentService.CheckAsync"/>, <see cref="EnrichmentRun.Warnings"/> and a log warning), and a run
    /// hands the action at most this many records, counting the rest in <see cref="EnrichmentRun.HeldBack"/>.
    /// </summary>
    int? MaxRows => null;

    /// <summary>Acts on a batch of records, each with the values the enrichment found for it.</summary>
    /// <param name="records">The records and what was found for each.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task ExecuteAsync(IReadOnlyList<RecordActionItem> records, CancellationToken cancellationToken = default);
}
