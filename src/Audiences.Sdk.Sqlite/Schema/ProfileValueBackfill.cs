using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Sqlite.Writing;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Schema;

/// <summary>Fills <c>profile_values</c> for the profiles of a database written before it existed.</summary>
internal static class ProfileValueBackfill
{
    /// <summary>Writes the value rows of every live profile, in the migration's transaction.</summary>
    public static void Run(SqliteConnection connection, SqliteTransaction transaction)
    {
        var ids = new List<long>();
        using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT id FROM profiles ORDER BY id";
            using var row = command.ExecuteReader();
            while (row.Read())
            {
                ids.Add(row.GetInt64(0));
            }
        }

        using var queries = new ProfileQueries(connection, transaction);
        using var commands = new CommandSet(connection, transaction);
        var rows = new ProfileValueRows(commands, new ValueRowQueue());
        foreach (var id in ids)
        {
            // Load derives the values of a profile that keeps none of its own.
            var profile = queries.Load(id)
                ?? throw new InvalidOperationException($"Profile {id} vanished while its values were being indexed.");
            rows.Insert(id, profile.Values);
        }

        rows.Flush();
    }
}
