using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment;

/// <summary>
/// An outside service that finds values for profiles — a work email, a company's size — from values they hold, and
/// charges credits for what it looks up. The SDK calls it through a pipeline (logging, telemetry, retries, timeouts,
/// rate limiting) and within a credit budget; a provider only answers batches.
/// </summary>
/// <remarks>
/// A provider answers every record of a batch exactly once, with only the outputs it declares, each of its declared
/// type; it must stop promptly when its token is cancelled. <c>EnrichmentProviderSpecification</c> in
/// <c>Audiences.Sdk.Testing</c> proves a provider keeps this contract.
/// </remarks>
public interface IEnrichmentProvider
{
    /// <summary>The provider's name, as enrichments name it (e.g. <c>sample-work-email</c>).</summary>
    string Name { get; }

    /// <summary>The kind of profile it enriches.</summary>
    EntityKind Kind { get; }

    /// <summary>The field keys it needs; a record missing any of them is skipped and costs nothing.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>The fields it finds, with their types.</summary>
    IReadOnlyList<EnrichmentOutput> Outputs { get; }

    /// <summary>The credits one record looked up costs, found or not.</summary>
    decimal CreditsPerRecord { get; }

    /// <summary>The most records one call takes; the SDK splits larger batches.</summary>
    int MaxBatchSize { get; }

    /// <summary>Looks up a batch of records.</summary>
    /// <param name="records">The records, each with every input.</param>
    /// <param name="cancellationToken">Cancels the call, also while the provider is waiting on its service.</param>
    /// <returns>One result per record, in any order.</returns>
    /// <exception cref="ProviderUnavailableException">The service failed in a way a retry may cure (a timeout, a rate limit).</exception>
    Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default);
}
