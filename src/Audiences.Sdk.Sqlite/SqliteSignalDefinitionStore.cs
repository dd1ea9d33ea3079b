using Audiences.Sdk.Signals;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The signal definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="SignalDefinitionJson"/>)
/// under the upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteSignalDefinitionStore(SqliteStore store) : ISignalDefinitionStore
{
    /// <inheritdoc />
    public ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var json = store.Read(scope => SignalQueries.Definition(scope.Connection, scope.Transaction, name), cancellationToken);
        return ValueTask.FromResult(json is null ? null : SignalDefinitionJson.Deserialize(json));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var definitions = store.Read(scope => SignalQueries.Definitions(scope.Connection, scope.Transaction), cancellationToken)
            .ConvertAll(SignalDefinitionJson.Deserialize);

        // Sorted here rather than by SQLite, whose NOCASE folds ASCII only.
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<SignalDefinition>>(definitions);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = SignalDefinitionJson.SerializeForStorage(definition);
        store.Write((connection, transaction) =>
        {
            SignalWrites.SaveDefinition(connection, transaction, definition.Name, json);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ValueTask.FromResult(store.Write((connection, transaction) => SignalWrites.RemoveDefinition(connection, transaction, name), cancellationToken));
    }
}
