using Audiences.Cli.Demo;
using Audiences.Cli.Search;
using Audiences.Cli.Syncs;
using Audiences.Samples.Providers;
using Audiences.Sdk;
using Audiences.Sdk.Segments;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Audiences.Cli.Cli;

/// <summary>
/// The SDK configured as a host would: a service provider with the SQLite store (or an empty in-memory one for
/// previews), the CSV, SQL, Salesforce and HubSpot sources for syncs, the SQL, CSV, Salesforce, HubSpot and ad-platform destinations for exports, the sample search provider for drafts, the sample enrichment
/// and signal providers, and the services from it.
/// </summary>
internal sealed class AudiencesSession : IAsyncDisposable
{
    /// <summary>The names <c>import sql --provider</c> and <c>sync add --provider</c> accept.</summary>
    public static readonly IReadOnlyList<string> SqlProviders = ["sqlite", "postgres"];

    private static readonly TimeSpan SalesforcePollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ServiceProvider _provider;

    private AudiencesSession(ServiceProvider provider, IProfileService profiles)
    {
        _provider = provider;
        Profiles = profiles;
    }

    public IProfileService Profiles { get; }

    /// <summary>The audience service, over the SQLite audience store in the same file.</summary>
    public IAudienceService Audiences => _provider.GetRequiredService<IAudienceService>();

    /// <summary>Syncs over the registered sources (csv, sql, salesforce, hubspot).</summary>
    public ISyncService Syncs => _provider.GetRequiredService<ISyncService>();

    /// <summary>Drafts over the registered search providers (sample).</summary>
    public IDraftService Drafts => _provider.GetRequiredService<IDraftService>();

    /// <summary>Enrichments over the registered providers (the samples: sample-work-email, sample-company, sample-job-change).</summary>
    public IEnrichmentService Enrichments => _provider.GetRequiredService<IEnrichmentService>();

    /// <summary>Exports over the registered destinations (sql, csv, salesforce, hubspot, and the ad platforms meta, google and linkedin).</summary>
    public Audiences.Sdk.Exports.IExportService Exports => _provider.GetRequiredService<Audiences.Sdk.Exports.IExportService>();

    /// <summary>Signals over the registered signal providers (the sample: sample-job-change).</summary>
    public Audiences.Sdk.Signals.ISignalService Signals => _provider.GetRequiredService<Audiences.Sdk.Signals.ISignalService>();

    /// <summary>The registered enrichment and signal providers, by name.</summary>
    public Audiences.Sdk.Providers.IProviderCatalog Providers => _provider.GetRequiredService<Audiences.Sdk.Providers.IProviderCatalog>();

    /// <summary>The Data Hub: record and field figures, enrichment and signal spend, field edits.</summary>
    public Audiences.Sdk.DataHub.IDataHubService DataHub => _provider.GetRequiredService<Audiences.Sdk.DataHub.IDataHubService>();

    /// <summary>
    /// Whether the workspace has any audience (of any user or status). It reads the audience store the
    /// SDK registered, since listing through the service would count every audience's members first.
    /// </summary>
    public async Task<bool> HasAudiencesAsync(CancellationToken cancellationToken) =>
        (await _provider.GetRequiredService<IAudienceStore>().ListAudiencesAsync(cancellationToken)).Count > 0;

    /// <summary>The plain-language condition interpreter the SDK registers (the offline one unless a host replaces it).</summary>
    public IFilterInterpreter FilterInterpreter => _provider.GetRequiredService<IFilterInterpreter>();

    /// <summary>The file, beside the database, the <c>sample-sequence</c> record action appends enrolled records to.</summary>
    public const string SequenceFileName = "sequence.csv";

    /// <summary>Configures the SDK over the SQLite file at <paramref name="databasePath"/> (created when missing).</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The SDK rejects its settings.</exception>
    public static Task<AudiencesSession> OpenAsync(string databasePath, CancellationToken cancellationToken)
    {
        // The builder quotes the path, so file names with ';' or '=' stay one data source.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        // Action-only enrichments enrol records in a file beside the database, where a person can read them.
        var sequence = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath)) ?? ".", SequenceFileName);
        return OpenAsync(audiences => audiences.UseSqlite(connectionString).AddRecordAction(new SampleSequenceAction(sequence)), cancellationToken);
    }

    /// <summary>Configures the SDK over an empty in-memory store, for commands that must leave no file behind (previews).</summary>
    public static Task<AudiencesSession> OpenInMemoryAsync(CancellationToken cancellationToken) =>
        OpenAsync(audiences => audiences.UseInMemory(), cancellationToken);

    private static async Task<AudiencesSession> OpenAsync(Action<IAudiencesBuilder> store, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var services = new ServiceCollection();
        services.AddAudiences(audiences =>
        {
            store(audiences);
            audiences
                .AddCsvSource()
                .AddSqlSource(o =>
                {
                    o.Providers["sqlite"] = SqliteFactory.Instance;
                    o.Providers["postgres"] = NpgsqlFactory.Instance;
                })
                .AddCsvDestination()
                .AddSqlDestination(o =>
                {
                    o.Providers["sqlite"] = SqliteFactory.Instance;
                    o.Providers["postgres"] = NpgsqlFactory.Instance;
                })
                .AddAdDestinations()
                // Someone waits at the terminal, so a query or ingest job is polled sooner than a background host would.
                .AddSalesforceSource(o => o.PollInterval = SalesforcePollInterval)
                .AddSalesforceDestination(o => o.PollInterval = SalesforcePollInterval)
                .AddHubSpotSource()
                .AddHubSpotDestination()
                .Configure(o =>
                {
                    // Opportunities and deals imported from the CRMs are filterable: opportunity.any(...), deal.any(...).
                    foreach (var type in ConnectorSources.RelatedTypes)
                    {
                        o.RelatedRecordTypes.Add(type);
                    }

                    // Someone waits at the terminal: one quick retry of a destination call that failed as a whole, then its
                    // records fail and 'export run' (or the next run) tries them again.
                    o.Exports.CallRetries = 1;
                    o.Exports.CallRetryDelay = TimeSpan.FromMilliseconds(500);
                })
                .AddSearchProvider(_ => new SampleSearchProvider(DemoData.Folder))
                .AddSampleProviders();
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // Resolving validates the options, so a bad setting fails here rather than mid-import.
            return new AudiencesSession(provider, provider.GetRequiredService<IProfileService>());
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>Disposes the provider, which closes the store and its connections.</summary>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
