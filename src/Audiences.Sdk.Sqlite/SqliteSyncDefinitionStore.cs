using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The sync definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="SyncDefinitionJson"/>) under the
/// upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteSyncDefinitionStore(SqliteStore store) : ISyncDefinitionStore
{
    private readonly SqliteDefinitionTable<SyncDefinition> _table =
        new(store, "sync_definitions", d => d.Name, SyncDefinitionJson.SerializeForStorage, SyncDefinitionJson.Deserialize);

    /// <inheritdoc />
    public ValueTask<SyncDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Get(name, cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SyncDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.List(cancellationToken));

    /// <inheritdoc />
    public ValueTask SaveAsync(SyncDefinition definition, CancellationToken cancellationToken = default)
    {
        _table.Save(definition, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Remove(name, cancellationToken));
}
