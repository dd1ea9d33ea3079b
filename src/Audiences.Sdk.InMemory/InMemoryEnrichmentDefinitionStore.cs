using Audiences.Sdk.Enrichment;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The enrichment definitions of an <see cref="InMemoryStore"/>. Each is kept as its JSON, as a persistent store keeps
/// it, so a definition reads back exactly as it would after a restart of such a store.
/// </summary>
internal sealed class InMemoryEnrichmentDefinitionStore(InMemoryStore store) : IEnrichmentDefinitionStore
{
    public ValueTask<EnrichmentDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var json = store.Read(state => state.EnrichmentDefinitions.GetValueOrDefault(name));
        return ValueTask.FromResult(json is null ? null : EnrichmentDefinitionJson.Deserialize(json));
    }

    public ValueTask<IReadOnlyList<EnrichmentDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var definitions = store.Read(state => state.EnrichmentDefinitions.Values.ToArray()).Select(EnrichmentDefinitionJson.Deserialize).ToList();
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<EnrichmentDefinition>>(definitions);
    }

    public ValueTask SaveAsync(EnrichmentDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = EnrichmentDefinitionJson.SerializeForStorage(definition);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            // Removed first, so the key takes the new spelling of the name.
            state.EnrichmentDefinitions.Remove(definition.Name);
            state.EnrichmentDefinitions.Add(definition.Name, json);
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state => state.EnrichmentDefinitions.Remove(name)));
    }
}
