using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>The enrichment run outputs of an <see cref="InMemoryStore"/>: one list in append order, read a run at a time, written under the store's lock.</summary>
internal sealed class InMemoryEnrichmentOutputStore(InMemoryStore store) : IEnrichmentOutputStore
{
    public ValueTask AppendOutputsAsync(IReadOnlyList<EnrichmentRunOutput> outputs, CancellationToken cancellationToken = default)
    {
        Check(outputs);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            var unknown = outputs.FirstOrDefault(o => !state.EnrichmentRuns.ContainsKey(o.RunId));
            if (unknown is not null)
            {
                throw new KeyNotFoundException($"No enrichment run {unknown.RunId} was started; start the run before appending its outputs.");
            }

            // Copied, so a caller changing its dictionary later does not change what was stored.
            state.EnrichmentOutputs.AddRange(outputs.Select(o => o with { Values = new Dictionary<string, FieldValue>(o.Values) }));
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public IAsyncEnumerable<EnrichmentRunOutput> ListOutputsAsync(long runId, CancellationToken cancellationToken = default) =>
        Snapshot.StreamAsync(store.Read(state => state.EnrichmentOutputs.Where(o => o.RunId == runId).ToArray()), cancellationToken);

    public ValueTask<IReadOnlyDictionary<ProfileId, string>> FindLookupsAsync(
        string enrichment, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(enrichment);
        ArgumentNullException.ThrowIfNull(profiles);
        cancellationToken.ThrowIfCancellationRequested();
        var wanted = profiles.ToHashSet();
        return ValueTask.FromResult<IReadOnlyDictionary<ProfileId, string>>(store.Read(state =>
        {
            var lookups = new Dictionary<ProfileId, string>();
            foreach (var output in state.EnrichmentOutputs)
            {
                // Later outputs overwrite earlier ones: the latest look-up wins.
                if (wanted.Contains(output.Profile)
                    && output.Outcome is EnrichmentOutcome.Found or EnrichmentOutcome.NotFound
                    && state.EnrichmentRuns.TryGetValue(output.RunId, out var run)
                    && run.Trigger != EnrichmentTrigger.Test
                    && string.Equals(run.Enrichment, enrichment, StringComparison.OrdinalIgnoreCase))
                {
                    lookups[output.Profile] = output.InputsHash;
                }
            }

            return lookups;
        }));
    }

    /// <exception cref="ArgumentException">An output is null or has a blank inputs hash.</exception>
    private static void Check(IReadOnlyList<EnrichmentRunOutput> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        foreach (var output in outputs)
        {
            if (output is null || string.IsNullOrWhiteSpace(output.InputsHash))
            {
                throw new ArgumentException("Every output is set and has the hash of the inputs it was looked up with.", nameof(outputs));
            }
        }
    }
}
