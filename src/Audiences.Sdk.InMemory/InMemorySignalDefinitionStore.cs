using Audiences.Sdk.Signals;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The signal definitions of an <see cref="InMemoryStore"/>. Each is kept as its JSON, as a persistent store keeps
/// it, so a definition reads back exactly as it would after a restart of such a store.
/// </summary>
internal sealed class InMemorySignalDefinitionStore(InMemoryStore store) : ISignalDefinitionStore
{
    public ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var json = store.Read(state => state.SignalDefinitions.GetValueOrDefault(name));
        return ValueTask.FromResult(json is null ? null : SignalDefinitionJson.Deserialize(json));
    }

    public ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var definitions = store.Read(state => state.SignalDefinitions.Values.ToArray()).Select(SignalDefinitionJson.Deserialize).ToList();
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<SignalDefinition>>(definitions);
    }

    public ValueTask SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = SignalDefinitionJson.SerializeForStorage(definition);
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            // Removed first, so the key takes the new spelling of the name.
            state.SignalDefinitions.Remove(definition.Name);
            state.SignalDefinitions.Add(definition.Name, json);
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state => state.SignalDefinitions.Remove(name)));
    }
}
