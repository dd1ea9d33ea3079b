using Audiences.Samples.Providers;
using Audiences.Samples.Worker.Configuration;
using Audiences.Sdk.DependencyInjection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>Wires the sync worker into a generic host from the <c>Audiences</c> configuration section.</summary>
internal static class SyncWorkerRegistration
{
    /// <summary>
    /// Registers the SDK over the SQLite store named by <c>Audiences:Database</c>, the SQL and CSV sources, the SQL table,
    /// CSV file and ad-platform destinations (the SQL destination with the SQL source's providers), the validation of
    /// the section at start-up, the sample enrichment providers, the <c>sample-job-change</c> signal provider and the
    /// <c>sample-sequence</c> action (its <c>sequence.csv</c> beside the database), and the <see cref="SyncWorker"/>,
    /// which runs syncs, enrichments, signals and exports. Call it after the configuration is complete: the store's
    /// file, the poll interval and the SQL providers are read from it here.
    /// </summary>
    public static HostApplicationBuilder AddSyncWorker(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(SyncWorkerOptions.SectionName);
        var contentRoot = builder.Environment.ContentRootPath;

        // Read as plain text so a mistake is reported by the validator at start, not thrown while registering.
        var database = WorkerPaths.Database(section[nameof(SyncWorkerOptions.Database)], contentRoot);
        var providers = section.GetSection(nameof(SyncWorkerOptions.SqlProviders)).GetChildren().Select(c => c.Value ?? "").ToList();
        var pollText = section[nameof(SyncWorkerOptions.PollInterval)];

        var services = builder.Services;
        services.AddOptions<SyncWorkerOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncWorkerOptions>, SyncWorkerOptionsValidator>();
        services.AddAudiences(b => b
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = database }.ConnectionString)
            .AddSqlSource(o => SqlProviders.Register(o, providers))
            .AddCsvSource()
            .AddSqlDestination(o => SqlProviders.Register(o, providers))
            .AddCsvDestination()
            .AddAdDestinations()
            .AddSampleProviders()
            .AddRecordAction(new SampleSequenceAction(Path.Combine(Path.GetDirectoryName(database) ?? contentRoot, "sequence.csv")))
            .Configure(o =>
            {
                if (Durations.TryParse(pollText, out var poll))
                {
                    o.Sync.PollInterval = poll;
                }
            }));
        services.AddSingleton<WorkerOutcome>();
        services.AddHostedService<SyncWorker>();
        return builder;
    }
}
