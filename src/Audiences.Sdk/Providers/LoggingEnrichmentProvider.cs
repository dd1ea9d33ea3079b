using Audiences.Sdk.Enrichment;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>Logs each call: its size, outcome counts, credits and duration, and each distinct failure reason with its count.</summary>
internal sealed class LoggingEnrichmentProvider(IEnrichmentProvider inner, ILogger logger, TimeProvider time) : EnrichmentProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var results = await Inner.EnrichAsync(records, cancellationToken).ConfigureAwait(false);
        var duration = time.GetElapsedTime(started);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var found = results.Count(r => r.Outcome == EnrichmentOutcome.Found);
            var notFound = results.Count(r => r.Outcome == EnrichmentOutcome.NotFound);
            var failed = results.Count - found - notFound;
            var credits = results.Sum(r => r.Credits);
            ProviderLog.EnrichmentFinished(logger, Name, results.Count, duration, found, notFound, failed, credits);
        }

        // One line per reason, not per record: a provider that is down fails thousands of records for one reason.
        foreach (var failure in results.Where(r => r.Outcome == EnrichmentOutcome.Failed).GroupBy(r => r.Error ?? string.Empty, StringComparer.Ordinal))
        {
            var count = failure.Count();
            ProviderLog.RecordsFailed(logger, Name, count, failure.Key);
        }

        return results;
    }
}
