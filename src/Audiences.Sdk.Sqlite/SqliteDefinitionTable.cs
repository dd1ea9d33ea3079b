using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite;

/// <summary>
/// A table of named definitions (syncs, enrichments, signals, exports): each is its versioned JSON under the upper-cased
/// name, so names are unique and found regardless of case, written in a short transaction of its own.
/// </summary>
/// <typeparam name="T">The definition type.</typeparam>
internal sealed class SqliteDefinitionTable<T>(
    SqliteStore store, string table, Func<T, string> nameOf, Func<T, string> serialize, Func<string, T> deserialize)
    where T : class
{
    // The table name is one of the schema's constants, never input, so it can be part of the statement's text.
    private readonly string _select = $"SELECT definition FROM {table} WHERE name_key = $key";
    private readonly string _selectAll = $"SELECT definition FROM {table}";
    private readonly string _upsert =
        $"INSERT INTO {table} (name_key, definition) VALUES ($key, $definition) ON CONFLICT (name_key) DO UPDATE SET definition = excluded.definition";
    private readonly string _delete = $"DELETE FROM {table} WHERE name_key = $key";

    /// <summary>The key of a definition name.</summary>
    public static string Key(string name) => name.ToUpperInvariant();

    /// <summary>The definition named <paramref name="name"/> (ignoring case), or null.</summary>
    public T? Get(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var json = store.Read(scope => Scalar(scope.Connection, scope.Transaction, _select, name), cancellationToken);
        return json is null ? null : deserialize(json);
    }

    /// <summary>Every definition, ordered by name ignoring case.</summary>
    public IReadOnlyList<T> List(CancellationToken cancellationToken)
    {
        var definitions = store.Read(scope => All(scope.Connection, scope.Transaction), cancellationToken).ConvertAll(json => deserialize(json));

        // Sorted here rather than by SQLite, whose NOCASE folds ASCII only.
        definitions.Sort((left, right) => StringComparer.OrdinalIgnoreCase.Compare(nameOf(left), nameOf(right)));
        return definitions;
    }

    /// <summary>Stores a definition, replacing the one with the same name regardless of case.</summary>
    /// <exception cref="ArgumentException">The definition cannot be stored (its serializer refuses it, or its name is blank).</exception>
    public void Save(T definition, CancellationToken cancellationToken)
    {
        var json = serialize(definition);
        var name = nameOf(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(definition));
        store.Write((connection, transaction) =>
        {
            using var command = Command(connection, transaction, _upsert);
            command.Parameters.AddWithValue("$key", Key(name));
            command.Parameters.AddWithValue("$definition", json);
            return command.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>Removes a definition; whether there was one.</summary>
    public bool Remove(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Write((connection, transaction) =>
        {
            using var command = Command(connection, transaction, _delete);
            command.Parameters.AddWithValue("$key", Key(name));
            return command.ExecuteNonQuery() > 0;
        }, cancellationToken);
    }

    private static string? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, string name)
    {
        using var command = Command(connection, transaction, sql);
        command.Parameters.AddWithValue("$key", Key(name));
        return command.ExecuteScalar() as string;
    }

    private List<string> All(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = Command(connection, transaction, _selectAll);
        using var row = command.ExecuteReader();
        var definitions = new List<string>();
        while (row.Read())
        {
            definitions.Add(row.GetString(0));
        }

        return definitions;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
