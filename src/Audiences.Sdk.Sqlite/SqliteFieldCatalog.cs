using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>The field catalog of a <see cref="SqliteStore"/>, with fill counts from the value rows.</summary>
internal sealed class SqliteFieldCatalog(SqliteStore store) : IFieldCatalog
{
    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<FieldDefinition>>(store.Read(scope => LedgerQueries.Fields(scope, kind), cancellationToken));

    /// <inheritdoc />
    /// <remarks>Counting reads every profile of the kind once.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<FieldStatistics>>(store.Read(
            scope =>
            {
                var total = LedgerQueries.CountProfiles(scope, kind);
                var filled = LedgerQueries.FilledCounts(scope, kind);
                return LedgerQueries.Fields(scope, kind)
                    .Select(field => new FieldStatistics(field, filled.GetValueOrDefault(field.Key), total))
                    .ToList();
            },
            cancellationToken));

    /// <inheritdoc />
    public ValueTask UpsertFieldAsync(IProfileWriteSession session, FieldDefinition field, CancellationToken cancellationToken = default)
    {
        store.SessionOf(session).UpsertField(field, cancellationToken);
        return ValueTask.CompletedTask;
    }
}
