using Audiences.Sdk.Sync;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The sync definitions of an <see cref="InMemoryStore"/>. Each is kept as its JSON, as a persistent store keeps it,
/// so a definition reads back exactly as it would after a restart of such a store.
/// </summary>
internal sealed class InMemorySyncDefinitionStore(InMemoryStore store) : ISyncDefinitionStore
{
    public ValueTask<SyncDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var json = store.Read(state => state.SyncDefinitions.GetValueOrDefault(name));
        return ValueTask.FromResult(json is null ? null : SyncDefinitionJson.Deserialize(json));
    }

    public ValueTask<IReadOnlyList<SyncDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var definitions = store.Read(state => state.SyncDefinitions.Values.ToArray()).Select(SyncDefinitionJson.Deserialize).ToList();
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<SyncDefinition>>(definitions);
    }

    public ValueTask SaveAsync(SyncDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = SyncDefinitionJson.SerializeForStorage(definition);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            // Removed first, so the key takes the new spelling of the name.
            state.SyncDefinitions.Remove(definition.Name);
            state.SyncDefinitions.Add(definition.Name, json);
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state => state.SyncDefinitions.Remove(name)));
    }
}
