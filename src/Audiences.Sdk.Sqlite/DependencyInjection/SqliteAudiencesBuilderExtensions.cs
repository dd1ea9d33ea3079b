using Audiences.Sdk.Segments;
using Audiences.Sdk.Sqlite;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers the SQLite profile store.</summary>
public static class SqliteAudiencesBuilderExtensions
{
    /// <summary>
    /// Uses a SQLite database as the profile store, e.g. <c>UseSqlite("Data Source=audiences.db")</c>.
    /// The options are validated when the host starts; the store opens the database (creating it and
    /// applying migrations) when it is first resolved, and closes it with the service provider.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The SQLite connection string, e.g. <c>Data Source=audiences.db</c> or <c>Data Source=:memory:</c>.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or blank.</exception>
    public static IAudiencesBuilder UseSqlite(this IAudiencesBuilder builder, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return builder.UseSqlite(options => options.ConnectionString = connectionString);
    }

    /// <summary>
    /// Uses a SQLite database as the profile store, configured by <paramref name="configure"/>.
    /// The options are validated when the host starts. Filters read "now" from the registered <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets <see cref="SqliteStoreOptions.ConnectionString"/> and the other settings.</param>
    /// <returns>The builder, for further configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IAudiencesBuilder UseSqlite(this IAudiencesBuilder builder, Action<SqliteStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SqliteStoreOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStoreOptions>, SqliteStoreOptionsValidator>());
        builder.UseStore("sqlite", services => new SqliteProfileStore(
            services.GetRequiredService<IOptions<SqliteStoreOptions>>().Value, services.GetService<TimeProvider>()));

        // The audiences live in the profile store's file; a decorated profile store cannot lend its file.
        builder.Services.Replace(ServiceDescriptor.Singleton<IAudienceStore>(services => new SqliteAudienceStore(
            services.GetRequiredService<IProfileStore>() as SqliteProfileStore
            ?? throw new InvalidOperationException("The SQLite audience store needs the SqliteProfileStore registered by UseSqlite; register an IAudienceStore yourself when you decorate the profile store."))));
        return builder;
    }
}
