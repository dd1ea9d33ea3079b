using Audiences.Samples.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Samples.Worker.Tests;

/// <summary>
/// A temporary folder holding the store and a SQLite warehouse, a fake clock, and the configuration of the worker's
/// <c>Audiences</c> section; it builds hosts through <c>AddSyncWorker()</c> as the program does.
/// </summary>
public sealed class WorkerWorkspace : IDisposable
{
    /// <summary>When the fake clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public WorkerWorkspace()
    {
        Folder = Directory.CreateTempSubdirectory("audiences-worker-").FullName;
        Warehouse = new Warehouse(System.IO.Path.Combine(Folder, "warehouse.db"));
        Settings["Audiences:Database"] = DatabasePath;
    }

    /// <summary>The content root: relative paths in the configuration are read from here.</summary>
    public string Folder { get; }

    /// <summary>The store's file.</summary>
    public string DatabasePath => System.IO.Path.Combine(Folder, "audiences.db");

    /// <summary>The warehouse the contacts sync reads.</summary>
    public Warehouse Warehouse { get; }

    /// <summary>The clock of every host built here.</summary>
    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>The configuration, by path; tests add and change entries before building a host.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds the contacts sync over <see cref="Warehouse"/> as <c>Audiences:Syncs:{index}</c>: incremental, mapping job_title to title.</summary>
    public WorkerWorkspace WithContactsSync(int index = 0, string name = "contacts")
    {
        var path = $"Audiences:Syncs:{index}";
        Settings[$"{path}:Name"] = name;
        Settings[$"{path}:SourceType"] = "sql";
        Settings[$"{path}:Settings:provider"] = "sqlite";
        Settings[$"{path}:Settings:connection"] = Warehouse.ConnectionString;
        Settings[$"{path}:Settings:query"] = "SELECT id, email, first_name, job_title, updated_at FROM contacts";
        Settings[$"{path}:IdField"] = "id";
        Settings[$"{path}:TimestampField"] = "updated_at";
        Settings[$"{path}:Mappings:0"] = "job_title=title";
        Settings[$"{path}:MatchOn:0"] = "email";
        return this;
    }

    /// <summary>A JSON configuration file read before <see cref="Settings"/>, as the program reads appsettings.json; none when null.</summary>
    public string? JsonFile { get; set; }

    /// <summary>Changes the services after the worker registered its own, e.g. to put a failing one in place.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>A builder configured as the program configures it, with this workspace's settings, clock and log capture.</summary>
    public HostApplicationBuilder CreateBuilder(LogCapture logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = Folder,
            EnvironmentName = Environments.Production,
            DisableDefaults = true,
        });
        if (JsonFile is not null)
        {
            builder.Configuration.AddJsonFile(JsonFile, optional: false);
        }

        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddSyncWorker();
        ConfigureServices?.Invoke(builder.Services);
        return builder;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temporary folder is left for the system to clean.
        }
    }
}
