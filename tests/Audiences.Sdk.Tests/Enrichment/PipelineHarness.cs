using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Enrichment;

/// <summary>A provider catalog on a fake clock, and the means to let a call's retries and waits run on it.</summary>
internal sealed class PipelineHarness : IDisposable
{
    private readonly ProviderCatalog _catalog;

    public PipelineHarness(
        IEnumerable<IEnrichmentProvider>? enrichment = null, IEnumerable<ISignalProvider>? signals = null, Action<ProviderPipelineOptions>? configure = null)
    {
        var options = new ProviderPipelineOptions();
        configure?.Invoke(options);
        _catalog = new ProviderCatalog(enrichment ?? [], signals ?? [], options, Time, NullLogger.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public IProviderCatalog Catalog => _catalog;

    /// <summary>Moves the fake clock on a second at a time until <paramref name="call"/> ends (retry delays and timeouts run on it).</summary>
    public async Task<T> RunAsync<T>(Task<T> call)
    {
        for (var step = 0; !call.IsCompleted && step < 10_000; step++)
        {
            // Lets the call reach its next wait on the clock before the clock moves.
            await Task.Delay(1);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        return await call;
    }

    public void Dispose() => _catalog.Dispose();
}
