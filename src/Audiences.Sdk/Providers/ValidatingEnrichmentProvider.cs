using Audiences.Sdk.Enrichment;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>
/// Splits a batch into calls of at most <see cref="IEnrichmentProvider.MaxBatchSize"/> records and keeps every bad
/// answer to its own record: a call that fails (after its retries) fails the records of that call only, and an answer
/// that breaks the contract fails that record only (see <see cref="EnrichmentAnswers"/>). Always one result per record,
/// in the order asked.
/// </summary>
internal sealed class ValidatingEnrichmentProvider(IEnrichmentProvider inner, ILogger logger) : EnrichmentProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var results = new List<EnrichmentResult>(records.Count);
        foreach (var batch in records.Chunk(Math.Max(1, MaxBatchSize)))
        {
            results.AddRange(await EnrichBatchAsync(batch, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<IReadOnlyList<EnrichmentResult>> EnrichBatchAsync(EnrichmentRequest[] batch, CancellationToken cancellationToken)
    {
        IReadOnlyList<EnrichmentResult> answers;
        try
        {
            answers = await Inner.EnrichAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever the provider throws — its service down after the retries, or a fault of its own — costs this
            // batch, not the run; the caller's own cancellation goes up.
            var reason = ProviderFailure.Describe(e);
            ProviderLog.BatchFailed(logger, Name, batch.Length, reason);
            return [.. batch.Select(r => new EnrichmentResult(r.Profile, EnrichmentOutcome.Failed) { Error = reason, Provider = Name })];
        }

        return new EnrichmentAnswers(Inner, logger).Check(batch, answers);
    }
}
