using Audiences.Sdk.Enrichment;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The enrichment definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="EnrichmentDefinitionJson"/>) under the
/// upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteEnrichmentDefinitionStore(SqliteStore store) : IEnrichmentDefinitionStore
{
    private readonly SqliteDefinitionTable<EnrichmentDefinition> _table =
        new(store, "enrichment_definitions", d => d.Name, EnrichmentDefinitionJson.SerializeForStorage, EnrichmentDefinitionJson.Deserialize);

    /// <inheritdoc />
    public ValueTask<EnrichmentDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Get(name, cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EnrichmentDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.List(cancellationToken));

    /// <inheritdoc />
    public ValueTask SaveAsync(EnrichmentDefinition definition, CancellationToken cancellationToken = default)
    {
        _table.Save(definition, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Remove(name, cancellationToken));
}
