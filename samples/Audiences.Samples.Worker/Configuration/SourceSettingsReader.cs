using Microsoft.Data.Sqlite;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>
/// Reads the <c>Settings</c> of a configured sync: the ones its source type needs are there, a SQL provider is
/// registered, and files are named by full paths, so a stored definition reads the same files from any folder.
/// </summary>
/// <param name="contentRoot">The folder relative file paths are read from.</param>
/// <param name="enabledProviders">The SQL provider names the worker registered.</param>
internal sealed class SourceSettingsReader(string contentRoot, IReadOnlyCollection<string> enabledProviders)
{
    /// <summary>The settings with lower-case names and file paths made full; problems with them are added to <paramref name="problems"/>.</summary>
    public Dictionary<string, string> Read(SyncSettings sync, string? type, string path, List<string> problems)
    {
        var settings = sync.Settings
            .Where(s => s.Value is not null)
            .ToDictionary(s => s.Key.Trim().ToLowerInvariant(), s => s.Value!, StringComparer.Ordinal);
        if (type is null)
        {
            return settings;
        }

        foreach (var required in SyncSource.RequiredSettings(type))
        {
            if (!settings.TryGetValue(required, out var value) || string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{path}:Settings:{required} is missing; the {type} source needs it");
            }
        }

        if (type == SyncSource.Csv && settings.TryGetValue("path", out var file) && !string.IsNullOrWhiteSpace(file))
        {
            // Stored full, so the definition reads the same file whichever folder runs it later.
            settings["path"] = Path.GetFullPath(file.Trim(), contentRoot);
        }

        if (type == SyncSource.Sql && settings.TryGetValue("provider", out var provider) && !string.IsNullOrWhiteSpace(provider))
        {
            Provider(provider, settings, path, problems);
        }

        return settings;
    }

    private void Provider(string provider, Dictionary<string, string> settings, string path, List<string> problems)
    {
        if (!enabledProviders.Contains(provider.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(
                $"{path}:Settings:provider is '{provider}', which is not registered (registered: {string.Join(", ", enabledProviders.Order(StringComparer.Ordinal))}); "
                + $"list it in {SyncWorkerOptions.SectionName}:SqlProviders (known: {string.Join(", ", SqlProviders.Known.Keys.Order(StringComparer.Ordinal))})");
            return;
        }

        if (string.Equals(provider.Trim(), SqlProviders.Sqlite, StringComparison.OrdinalIgnoreCase)
            && settings.TryGetValue("connection", out var connection) && !string.IsNullOrWhiteSpace(connection))
        {
            settings["connection"] = SqliteConnection(connection, $"{path}:Settings:connection", problems);
        }
    }

    /// <summary>A SQLite warehouse file is named relative to the content root, like every other file, and stored full.</summary>
    private string SqliteConnection(string connection, string path, List<string> problems)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connection);
        }
        catch (ArgumentException e)
        {
            problems.Add($"{path} is '{connection}', which is no SQLite connection string ({e.Message.TrimEnd('.')}); write e.g. 'Data Source=warehouse.db;Mode=ReadOnly'");
            return connection;
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            || builder.DataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return connection;
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
        return builder.ConnectionString;
    }
}
