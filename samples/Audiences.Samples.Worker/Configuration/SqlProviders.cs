using System.Data.Common;
using Audiences.Sdk.Warehouse;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>The ADO.NET providers this worker ships, by the name the <c>provider</c> setting of a SQL sync gives.</summary>
internal static class SqlProviders
{
    /// <summary>The SQLite provider's name.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>Every provider the worker can register, by name.</summary>
    public static IReadOnlyDictionary<string, DbProviderFactory> Known { get; } =
        new Dictionary<string, DbProviderFactory>(StringComparer.OrdinalIgnoreCase)
        {
            [Sqlite] = SqliteFactory.Instance,
            ["postgres"] = NpgsqlFactory.Instance,
        };

    /// <summary>The names the configuration enables: those it lists that are known, or every known one when it lists none.</summary>
    public static IReadOnlyList<string> Enabled(IEnumerable<string> configured)
    {
        var listed = configured.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        return listed.Count == 0
            ? [.. Known.Keys]
            : [.. listed.Where(Known.ContainsKey).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Registers the enabled providers on the SQL source's options.</summary>
    public static void Register(SqlSourceOptions options, IEnumerable<string> configured)
    {
        foreach (var name in Enabled(configured))
        {
            options.Providers[name] = Known[name];
        }

        // Every listed name was unknown: keep the options valid, the worker's own validation names the mistake.
        if (options.Providers.Count == 0)
        {
            options.Providers[Sqlite] = SqliteFactory.Instance;
        }
    }
}
