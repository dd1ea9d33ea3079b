using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// What each enrichment run got for each record, kept with the run (also once its profiles left the audience), so a
/// run's outputs can be browsed and exported, and a record already looked up with the same inputs is not bought again.
/// </summary>
/// <remarks>
/// Thread-safe; each call stands alone. Every implementation must pass <c>EnrichmentOutputStoreSpecification</c> in
/// <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IEnrichmentOutputStore
{
    /// <summary>Appends outputs of started runs, all or none.</summary>
    /// <exception cref="KeyNotFoundException">An output names a run that was never started; none is appended.</exception>
    /// <exception cref="ArgumentException">An output has a blank <see cref="EnrichmentRunOutput.InputsHash"/>; none is appended.</exception>
    ValueTask AppendOutputsAsync(IReadOnlyList<EnrichmentRunOutput> outputs, CancellationToken cancellationToken = default);

    /// <summary>Reads a run's outputs in the order they were appended; none for an unknown run.</summary>
    IAsyncEnumerable<EnrichmentRunOutput> ListOutputsAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The inputs hash of each profile's latest <see cref="EnrichmentOutcome.Found"/> or <see cref="EnrichmentOutcome.NotFound"/>
    /// output in a run of <paramref name="enrichment"/> (its name in any case) that was not a
    /// <see cref="EnrichmentTrigger.Test"/>: a record whose inputs still hash the same was already bought.
    /// </summary>
    /// <returns>A hash for each profile that has one; profiles never looked up are left out.</returns>
    ValueTask<IReadOnlyDictionary<ProfileId, string>> FindLookupsAsync(string enrichment, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default);
}
