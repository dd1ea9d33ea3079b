using Audiences.Sdk.Exports;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// The export definitions of a <see cref="SqliteStore"/>: each is its versioned JSON (<see cref="ExportDefinitionJson"/>) under the
/// upper-cased name, written in a short transaction of its own.
/// </summary>
internal sealed class SqliteExportDefinitionStore(SqliteStore store) : IExportDefinitionStore
{
    private readonly SqliteDefinitionTable<ExportDefinition> _table =
        new(store, "export_definitions", d => d.Name, ExportDefinitionJson.SerializeForStorage, ExportDefinitionJson.Deserialize);

    /// <inheritdoc />
    public ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Get(name, cancellationToken));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.List(cancellationToken));

    /// <inheritdoc />
    public ValueTask SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default)
    {
        _table.Save(definition, cancellationToken);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_table.Remove(name, cancellationToken));
}
