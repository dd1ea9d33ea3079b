using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Providers;

/// <summary>Logs each call: its size, events, failures, credits and duration, and each distinct failure reason with its count.</summary>
internal sealed class LoggingSignalProvider(ISignalProvider inner, ILogger logger, TimeProvider time) : SignalProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var results = await Inner.DetectAsync(records, since, cancellationToken).ConfigureAwait(false);
        var duration = time.GetElapsedTime(started);
        if (logger.IsEnabled(LogLevel.Information))
        {
            var events = results.Sum(r => r.Events.Count);
            var withEvents = results.Count(r => r.Events.Count > 0);
            var failed = results.Count(r => r.Error is not null);
            var credits = results.Sum(r => r.Credits);
            ProviderLog.SignalsFinished(logger, Name, results.Count, duration, events, withEvents, failed, credits);
        }

        // One line per reason, not per record.
        foreach (var failure in results.Where(r => r.Error is not null).GroupBy(r => r.Error!, StringComparer.Ordinal))
        {
            var count = failure.Count();
            ProviderLog.RecordsFailed(logger, Name, count, failure.Key);
        }

        return results;
    }
}
