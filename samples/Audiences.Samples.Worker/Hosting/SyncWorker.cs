using Audiences.Samples.Worker.Configuration;
using Audiences.Samples.Worker.Demo;
using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Audiences.Samples.Worker.Hosting;

/// <summary>
/// Saves the configured syncs, then runs them, and the enrichments, signals and exports the store holds, on their
/// schedules until the host stops, refreshing audience membership after each sync or enrichment run that changed
/// profiles (signal and export runs refresh it themselves). A sync its source refuses is skipped, and a run that fails is logged; anything else
/// that goes wrong stops the host with exit code 1 (see <see cref="WorkerOutcome"/>).
/// </summary>
internal sealed class SyncWorker(
    IServiceProvider services,
    IOptions<SyncWorkerOptions> options,
    IHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    WorkerOutcome outcome,
    TimeProvider time,
    ILogger<SyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: a run in progress stopped between batches and was recorded as failed; the next start resumes it.
            WorkerLog.Stopping(logger);
        }
        catch (Exception e)
        {
            outcome.Fail(e);
            WorkerLog.Failed(logger, e.Message, e);
            lifetime.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var configured = ConfiguredSyncs.Read(settings, environment.ContentRootPath);
        if (settings.SeedDemoWarehouse)
        {
            await DemoWarehouse.EnsureCreatedAsync(WorkerPaths.DemoWarehouse(settings, environment.ContentRootPath), time, logger, stoppingToken);
        }

        var database = WorkerPaths.Database(settings.Database, environment.ContentRootPath);
        var syncs = await OpenStoreAsync(database, stoppingToken);
        var saved = 0;
        foreach (var definition in configured.Definitions)
        {
            saved += await TrySaveAsync(syncs, definition, stoppingToken) ? 1 : 0;
        }

        var pollInterval = services.GetRequiredService<IOptions<Sdk.AudiencesOptions>>().Value.Sync.PollInterval;
        var poll = Durations.Format(pollInterval);
        var stored = await syncs.ListAsync(stoppingToken);
        WorkerLog.Started(logger, saved, configured.Definitions.Count, stored.Count, database, poll);
        var followUp = ActivatorUtilities.CreateInstance<RunFollowUp>(services);
        // Syncs, enrichments, signals and exports each on their own schedules; the first loop to fail ends them all.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var loops = new[]
        {
            services.GetRequiredService<SyncScheduler>().RunAsync(followUp.AfterRunAsync, stop.Token),
            services.GetRequiredService<EnrichmentScheduler>().RunAsync(followUp.AfterEnrichmentAsync, stop.Token),
            services.GetRequiredService<SignalScheduler>().RunAsync(followUp.AfterSignalAsync, stop.Token),
            services.GetRequiredService<ExportScheduler>().RunAsync(followUp.AfterExportAsync, stop.Token),
        };
        var first = await Task.WhenAny(loops);
        await stop.CancelAsync();
        await first;
        await Task.WhenAll(loops);
    }

    /// <summary>Opens the store (resolving the sync service opens it, creating the file when missing) and reads it once.</summary>
    private async Task<ISyncService> OpenStoreAsync(string database, CancellationToken stoppingToken)
    {
        try
        {
            var syncs = services.GetRequiredService<ISyncService>();
            await syncs.ListAsync(stoppingToken);
            return syncs;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"The store {database} could not be opened: {e.Message}", e);
        }
    }

    /// <summary>
    /// Saves a definition; one its source refuses (a missing field, file or database: an <see cref="ArgumentException"/>)
    /// or cannot be reached for is logged and skipped. Anything else is the store failing, and ends the worker.
    /// </summary>
    private async Task<bool> TrySaveAsync(ISyncService syncs, SyncDefinition definition, CancellationToken stoppingToken)
    {
        try
        {
            await syncs.SaveAsync(definition, stoppingToken);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or SourceUnavailableException)
        {
            // The store keeps the last definition saved under the name, and the scheduler runs every stored sync.
            if (await syncs.GetAsync(definition.Name, stoppingToken) is null)
            {
                WorkerLog.Refused(logger, definition.Name, definition.Source.Type, e.Message);
            }
            else
            {
                WorkerLog.RefusedEarlierKeepsRunning(logger, definition.Name, definition.Source.Type, e.Message);
            }

            return false;
        }
    }
}
