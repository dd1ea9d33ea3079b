using Audiences.Sdk.Exports;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The export definitions of an <see cref="InMemoryStore"/>. Each is kept as its JSON, as a persistent store keeps
/// it, so a definition reads back exactly as it would after a restart of such a store.
/// </summary>
internal sealed class InMemoryExportDefinitionStore(InMemoryStore store) : IExportDefinitionStore
{
    public ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        var json = store.Read(state => state.ExportDefinitions.GetValueOrDefault(name));
        return ValueTask.FromResult(json is null ? null : ExportDefinitionJson.Deserialize(json));
    }

    public ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var definitions = store.Read(state => state.ExportDefinitions.Values.ToArray()).Select(ExportDefinitionJson.Deserialize).ToList();
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<ExportDefinition>>(definitions);
    }

    public ValueTask SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = ExportDefinitionJson.SerializeForStorage(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name, nameof(definition));
        cancellationToken.ThrowIfCancellationRequested();
        store.Write(state =>
        {
            // Removed first, so the key takes the new spelling of the name.
            state.ExportDefinitions.Remove(definition.Name);
            state.ExportDefinitions.Add(definition.Name, json);
            return true;
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(store.Write(state => state.ExportDefinitions.Remove(name)));
    }
}
