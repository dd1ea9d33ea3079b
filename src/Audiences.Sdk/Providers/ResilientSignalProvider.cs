using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Providers;

/// <summary>Calls the provider with its retries, rate limit and timeout; a call that still fails throws its last error.</summary>
internal sealed class ResilientSignalProvider(ISignalProvider inner, ProviderResilience resilience) : SignalProviderDecorator(inner)
{
    public override async Task<IReadOnlyList<SignalResult>> DetectAsync(IReadOnlyList<Profile> records, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await resilience.ExecuteAsync(
            async token => await Inner.DetectAsync(records, since, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
}
