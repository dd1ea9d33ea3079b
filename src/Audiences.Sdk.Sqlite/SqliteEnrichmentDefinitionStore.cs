using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The enrichment definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="EnrichmentDefinitionJson"/>)
/// under the upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteEnrichmentDefinitionStore(SqliteStore store) : IEnrichmentDefinitionStore
{
    /// <inheritdoc />
    public ValueTask<EnrichmentDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var json = store.Read(scope => EnrichmentQueries.Definition(scope.Connection, scope.Transaction, name), cancellationToken);
        return ValueTask.FromResult(json is null ? null : EnrichmentDefinitionJson.Deserialize(json));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<EnrichmentDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var definitions = store.Read(scope => EnrichmentQueries.Definitions(scope.Connection, scope.Transaction), cancellationToken)
            .ConvertAll(EnrichmentDefinitionJson.Deserialize);

        // Sorted here rather than by SQLite, whose NOCASE folds ASCII only.
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<EnrichmentDefinition>>(definitions);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(EnrichmentDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = EnrichmentDefinitionJson.SerializeForStorage(definition);
        store.Write((connection, transaction) =>
        {
            EnrichmentWrites.SaveDefinition(connection, transaction, definition.Name, json);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ValueTask.FromResult(store.Write((connection, transaction) => EnrichmentWrites.RemoveDefinition(connection, transaction, name), cancellationToken));
    }
}
