using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>A store under measurement, configured as a host configures it, with the services over it.</summary>
public sealed class BenchStore : IAsyncDisposable, IDisposable
{
    private readonly ServiceProvider _provider;

    private static readonly Type[] Contracts =
    [
        typeof(IProfileStore), typeof(IProfileQueryStore), typeof(IMergeLedger), typeof(IReviewQueue),
        typeof(IFieldCatalog), typeof(IRelatedRecordStore), typeof(IChangeFeed), typeof(IAudienceStore),
    ];

    private BenchStore(ServiceProvider provider) => _provider = provider;

    /// <summary>The profile service over the store.</summary>
    public IProfileService Service => _provider.GetRequiredService<IProfileService>();

    /// <summary>The audience service over the store.</summary>
    public IAudienceService Audiences => _provider.GetRequiredService<IAudienceService>();

    /// <summary>The syncs, over the sources the store was configured with.</summary>
    public ISyncService Syncs => _provider.GetRequiredService<ISyncService>();

    /// <summary>Profile reads and write sessions.</summary>
    public IProfileStore Profiles => _provider.GetRequiredService<IProfileStore>();

    /// <summary>Filters evaluated by the store.</summary>
    public IProfileQueryStore Queries => _provider.GetRequiredService<IProfileQueryStore>();

    /// <summary>
    /// Creates an empty store; a SQLite store gets a fresh database file at <paramref name="databasePath"/>.
    /// <paramref name="configure"/> may decorate the store's contracts or change the SDK options.
    /// </summary>
    public static BenchStore Create(StoreKind kind, string databasePath, Action<IAudiencesBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAudiences(builder =>
        {
            switch (kind)
            {
                case StoreKind.InMemory:
                    builder.UseInMemory();
                    break;
                case StoreKind.Sqlite:
                    Workspace.DeleteDatabase(databasePath);
                    builder.UseSqlite($"Data Source={databasePath}");
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown store kind.");
            }

            configure?.Invoke(builder);
        });
        return new BenchStore(services.BuildServiceProvider());
    }

    /// <summary>
    /// Opens the SQLite store already in the database at <paramref name="databasePath"/>, as a host opens it again
    /// (new services, nothing cached).
    /// </summary>
    public static BenchStore OpenSqlite(string databasePath, Action<IAudiencesBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAudiences(builder =>
        {
            builder.UseSqlite($"Data Source={databasePath}");
            configure?.Invoke(builder);
        });
        return new BenchStore(services.BuildServiceProvider());
    }

    /// <summary>
    /// New services (with their own caches, such as the filter indexes) over this same store: what a second host
    /// process would have, for measuring first calls. Disposing the new one leaves the store open.
    /// </summary>
    public BenchStore Share(Action<IAudiencesBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAudiences(builder =>
        {
            foreach (var contract in Contracts)
            {
                builder.Services.AddSingleton(contract, _provider.GetRequiredService(contract));
            }

            builder.UseStore("shared");
            configure?.Invoke(builder);
        });
        return new BenchStore(services.BuildServiceProvider());
    }

    /// <summary>An empty in-memory store.</summary>
    public static BenchStore InMemory(Action<IAudiencesBuilder>? configure = null) => Create(StoreKind.InMemory, string.Empty, configure);

    /// <summary>Closes the store (a SQLite store checkpoints its write-ahead log into the file).</summary>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>Closes the store.</summary>
    public void Dispose() => _provider.Dispose();
}
