using System.Text.Json;
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
        var json = Serialize(definition);
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

    /// <summary>The definition's JSON, checked to read back, so a definition that could not be read is never kept.</summary>
    private static string Serialize(SyncDefinition definition)
    {
        var json = SyncDefinitionJson.Serialize(definition);
        try
        {
            SyncDefinitionJson.Deserialize(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The sync definition '{definition.Name}' cannot be stored: {ex.Message}", nameof(definition), ex);
        }

        return json;
    }
}
