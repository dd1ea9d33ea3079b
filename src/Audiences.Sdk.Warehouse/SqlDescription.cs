using System.Data.Common;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// Describes a query's columns by running it under <c>WHERE 1 = 0</c>: every provider reports a result's columns
/// without rows (and a warehouse scans nothing), where a schema-only command is not supported everywhere.
/// </summary>
internal static class SqlDescription
{
    /// <summary>The query's columns as fields, in the query's order.</summary>
    /// <exception cref="Sources.SourceUnavailableException">The database failed in a way a retry may cure.</exception>
    /// <exception cref="InvalidOperationException">The query returns two columns of one name.</exception>
    public static async Task<IReadOnlyList<SourceField>> ReadAsync(DbConnection connection, SqlReadSettings settings, CancellationToken cancellationToken)
    {
        var statement = new SqlStatement(settings.Dialect).Append("SELECT * FROM (\n").Append(settings.Query).Append("\n) q WHERE 1 = 0");
        var command = statement.CreateCommand(connection, settings.CommandTimeout);
        await using (command.ConfigureAwait(false))
        {
            DbDataReader reader;
            try
            {
                reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (SqlFailures.IsTransient(ex, connection, cancellationToken))
            {
                throw SqlFailures.Unavailable(settings.ObjectName, "describe", ex);
            }

            await using (reader.ConfigureAwait(false))
            {
                var fields = new List<SourceField>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var name = reader.GetName(i);
                    if (fields.Exists(f => f.Name == name))
                    {
                        throw new InvalidOperationException(
                            $"The query of the SQL source '{settings.ObjectName}' returns two columns named '{name}'; give each column a name of its own (with AS).");
                    }

                    fields.Add(new SourceField(name, SqlColumnTypes.Of(reader.GetFieldType(i), reader.GetDataTypeName(i))));
                }

                return fields;
            }
        }
    }
}
