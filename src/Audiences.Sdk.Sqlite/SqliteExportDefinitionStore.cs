using Audiences.Sdk.Exports;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The export definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="ExportDefinitionJson"/>)
/// under the upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteExportDefinitionStore(SqliteStore store) : IExportDefinitionStore
{
    /// <inheritdoc />
    public ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var json = store.Read(scope => ExportQueries.Definition(scope.Connection, scope.Transaction, name), cancellationToken);
        return ValueTask.FromResult(json is null ? null : ExportDefinitionJson.Deserialize(json));
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        var definitions = store.Read(scope => ExportQueries.Definitions(scope.Connection, scope.Transaction), cancellationToken)
            .ConvertAll(ExportDefinitionJson.Deserialize);

        // Sorted here rather than by SQLite, whose NOCASE folds ASCII only.
        definitions.Sort(static (left, right) => StringComparer.OrdinalIgnoreCase.Compare(left.Name, right.Name));
        return ValueTask.FromResult<IReadOnlyList<ExportDefinition>>(definitions);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default)
    {
        var json = ExportDefinitionJson.SerializeForStorage(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name, nameof(definition));
        store.Write((connection, transaction) =>
        {
            ExportWrites.SaveDefinition(connection, transaction, definition.Name, json);
            return true;
        }, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ValueTask.FromResult(store.Write((connection, transaction) => ExportWrites.RemoveDefinition(connection, transaction, name), cancellationToken));
    }
}
