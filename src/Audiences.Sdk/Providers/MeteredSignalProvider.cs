using Audiences.Sdk.Diagnostics;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Providers;

/// <summary>Counts the records a signal provider checked and failed, the events it reported and the credits it charged, tagged with its name.</summary>
internal sealed class MeteredSignalProvider(ISignalProvider inner) : SignalProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        var results = await Inner.DetectAsync(records, since, cancellationToken).ConfigureAwait(false);
        var provider = new KeyValuePair<string, object?>("provider", Name);
        AudiencesTelemetry.SignalRecords.Add(results.Count, provider);
        AudiencesTelemetry.SignalEvents.Add(results.Sum(r => r.Events.Count), provider);
        AudiencesTelemetry.SignalFailed.Add(results.Count(r => r.Error is not null), provider);
        AudiencesTelemetry.SignalCredits.Add((double)results.Sum(r => r.Credits), provider);
        return results;
    }
}
