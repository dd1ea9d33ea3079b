using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The signal definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="SignalDefinitionJson"/>) under the
/// upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteSignalDefinitionStore(SqliteStore store) : ISignalDefinitionStore
{
    private readonly SqliteDefinitionTable<SignalDefinition> _table =
        new(store, "signal_definitions", d => d.Name, SignalDefinitionJson.SerializeForStorage, SignalDefinitionJson.Deserialize);

    /// <inheritdoc />
    public ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Get(name, cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.List(cancellationToken));

    /// <inheritdoc />
    public ValueTask SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default)
    {
        _table.Save(definition, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Remove(name, cancellationToken));
}
