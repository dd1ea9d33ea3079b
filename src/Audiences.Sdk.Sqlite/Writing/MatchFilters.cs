using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// In-memory filters over every alias and source record key in the database, so that the writer
/// answers "no owner" for a new key without a query — the common case of an import, and half its
/// lookups. A key is added as soon as it is written (a rolled-back write only leaves a harmless
/// "maybe"). The filters are rebuilt when another connection has committed since they were built,
/// which SQLite's <c>data_version</c> reports.
/// </summary>
internal sealed class MatchFilters
{
    private const long SourceTag = 0x5352;

    private readonly KeyFilter _aliases = new();
    private readonly KeyFilter _sources = new();
    private long? _dataVersion;

    /// <summary>Makes the filters cover the database as the transaction sees it.</summary>
    public void Refresh(SqliteConnection connection, SqliteTransaction transaction)
    {
        var dataVersion = Scalar(connection, transaction, "PRAGMA data_version");
        if (dataVersion == _dataVersion)
        {
            return;
        }

        _aliases.Clear();
        _sources.Clear();
        using (var command = Command(connection, transaction, "SELECT key FROM aliases"))
        using (var row = command.ExecuteReader())
        {
            while (row.Read())
            {
                _aliases.Add(unchecked((ulong)row.GetInt64(0)));
            }
        }

        using (var command = Command(connection, transaction, "SELECT source, object, external_id FROM source_records"))
        using (var row = command.ExecuteReader())
        {
            while (row.Read())
            {
                AddSource(new SourceRecordKey(row.GetString(0), row.GetString(1), row.GetString(2)));
            }
        }

        _dataVersion = dataVersion;
    }

    /// <summary>Forgets the filters' contents, so the next session rebuilds them.</summary>
    public void Invalidate() => _dataVersion = null;

    public bool MayHoldAlias(EntityKind kind, AliasKey alias) => _aliases.MayContain(unchecked((ulong)AliasHash.Of(kind, alias)));

    public bool MayHoldSource(SourceRecordKey key) => _sources.MayContain(KeyFilter.Hash(SourceTag, key.Source, key.ObjectName, key.ExternalId));

    public void AddAlias(long aliasHash) => _aliases.Add(unchecked((ulong)aliasHash));

    public void AddSource(SourceRecordKey key) => _sources.Add(KeyFilter.Hash(SourceTag, key.Source, key.ObjectName, key.ExternalId));

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        return (long)command.ExecuteScalar()!;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
