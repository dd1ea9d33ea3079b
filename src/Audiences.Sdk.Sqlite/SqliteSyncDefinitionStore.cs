using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The sync definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="SyncDefinitionJson"/>)
/// under the upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteSyncDefinitionStore(SqliteStore store) : ISyncDefinitionStore
{
    /// <inheritdoc />
    public ValueTask<SyncDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var json = store.Read(scope => SyncQueries.Definition(scope.Connection, scope.Transaction, name), cancellationToken);
        return ValueTask.FromResult(json is null ? null : SyncDefinitionJson.Deserialize(json));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SyncDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var definitions = store.Read(scope => SyncQueries.Definitions(scope.Connection, scope.Transaction), cancellationToken)
            .ConvertAll(SyncDefinitionJson.Deserialize);

        // Sorted here rather than by SQLite, whose NOCASE folds ASCII only.
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<SyncDefinition>>(definitions);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The definition could not be read back from its JSON (a required part is blank).</exception>
    public ValueTask SaveAsync(SyncDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = SyncDefinitionJson.SerializeForStorage(definition);
        store.Write((connection, transaction) =>
        {
            SyncWrites.SaveDefinition(connection, transaction, definition.Name, json);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ValueTask.FromResult(store.Write((connection, transaction) => SyncWrites.RemoveDefinition(connection, transaction, name), cancellationToken));
    }
}
