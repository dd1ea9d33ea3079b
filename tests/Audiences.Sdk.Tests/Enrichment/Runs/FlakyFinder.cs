using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Enrichment.Runs;

/// <summary>
/// An <see cref="EmailFinder"/> whose service is unreachable on every third call (a retry cures it) and fails every
/// record whose first name starts with "X".
/// </summary>
internal sealed class FlakyFinder(string name) : IEnrichmentProvider
{
    private readonly EmailFinder _inner = new(name) { MaxBatchSize = 2 };
    private int _calls;

    public string Name => _inner.Name;

    public EntityKind Kind => _inner.Kind;

    public IReadOnlyList<string> Inputs => _inner.Inputs;

    public IReadOnlyList<EnrichmentOutput> Outputs => _inner.Outputs;

    public decimal CreditsPerRecord => _inner.CreditsPerRecord;

    public int MaxBatchSize => _inner.MaxBatchSize;

    public async Task<IReadOnlyList<EnrichmentResult>> EnrichAsync(IReadOnlyList<EnrichmentRequest> records, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        if (Interlocked.Increment(ref _calls) % 3 == 0)
        {
            throw new ProviderUnavailableException("the service is busy");
        }

        var results = await _inner.EnrichAsync(records, cancellationToken);
        return [.. results.Select(r => records.First(q => q.Profile == r.Profile).Inputs["first_name"].AsText().StartsWith('X')
            ? new EnrichmentResult(r.Profile, EnrichmentOutcome.Failed) { Error = "garbled answer", Credits = 1 }
            : r)];
    }
}
