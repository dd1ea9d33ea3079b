using System.Runtime.CompilerServices;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>The default <see cref="IExportService"/>.</summary>
internal sealed class ExportService(ExportEnvironment environment) : IExportService
{
    public async Task<ExportDefinition> SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(definition.Destination);
        ArgumentNullException.ThrowIfNull(definition.Mappings);
        ArgumentNullException.ThrowIfNull(definition.Membership);
        await ExportDefinitionRules.CheckAsync(definition, environment, cancellationToken).ConfigureAwait(false);
        await environment.Definitions.SaveAsync(definition, cancellationToken).ConfigureAwait(false);
        return definition;
    }

    public ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return environment.Definitions.GetAsync(name, cancellationToken);
    }

    public ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        environment.Definitions.ListAsync(cancellationToken);

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await environment.Definitions.RemoveAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ExportPlanRecord> PlanAsync(string name, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        var calls = new DestinationCalls(definition.Name, environment.Options, environment.Time, environment.Logger);
        var destination = environment.Destinations.Create(definition.Destination);
        var description = await calls.ExecuteAsync(token => destination.DescribeAsync(token).AsTask(), cancellationToken).ConfigureAwait(false);
        ExportDefinitionRules.CheckAgainst(definition, description);

        // The run's own selection and planner, with nothing sent and nothing recorded.
        var selection = await ExportSelection.OpenAsync(definition, environment, cancellationToken).ConfigureAwait(false);
        var planner = new ExportPlanner(definition, destination, description, selection, calls);
        await foreach (var chunk in ExportChunks.Of(selection.ListAsync(cancellationToken), ExportPlanner.ChunkSize(description, environment.Options), cancellationToken).ConfigureAwait(false))
        {
            foreach (var planned in await planner.PlanAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                yield return planned.Plan;
            }
        }
    }

    public async Task<ExportRun> RunAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        return await RunAsync(definition, ExportTrigger.Manual, rethrow: true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Export '{definition.Name}' is already running; wait for that run to finish.");
    }

    public async IAsyncEnumerable<ExportRun> RunDueAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = await LastRunAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (ExportCalendar.NextDue(definition, last) is { } due && due <= environment.Time.GetUtcNow()
                && await RunAsync(definition, ExportTrigger.Schedule, rethrow: false, cancellationToken).ConfigureAwait(false) is { } run)
            {
                // One running elsewhere is its host's to finish; the schedule moves on.
                yield return run;
            }
        }
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset? next = null;
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = await LastRunAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (ExportCalendar.NextDue(definition, last) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        // An overdue export is due now, not at the time it fell due.
        return next is { } at && environment.Time.GetUtcNow() is var now && at < now ? now : next;
    }

    public ValueTask<IReadOnlyList<ExportRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return environment.Runs.ListRunsAsync(name, limit, cancellationToken);
    }

    public IAsyncEnumerable<ExportOutcome> ListOutcomesAsync(string name, long run, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return environment.Outcomes.ListOutcomesAsync(name, run, cancellationToken);
    }

    public ValueTask<IReadOnlyList<ExportFailure>> ListFailuresAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return environment.Outcomes.ListFailuresAsync(name, cancellationToken);
    }

    /// <summary>
    /// Runs the export unless a run of it is in progress (null then). A run that fails outright is recorded as failed,
    /// then its exception goes on when <paramref name="rethrow"/> is set (a caller asked for this run) and the failed
    /// run is returned otherwise (the schedule reports it and goes on); the caller's cancellation always goes on.
    /// </summary>
    private async Task<ExportRun?> RunAsync(ExportDefinition definition, ExportTrigger trigger, bool rethrow, CancellationToken cancellationToken)
    {
        var now = environment.Time.GetUtcNow();
        var started = await environment.Runs.TryStartRunAsync(
            new ExportRun(0, definition.Name, trigger, now), now - environment.Options.StaleAfter, cancellationToken).ConfigureAwait(false);
        if (started is null)
        {
            return null;
        }

        var runner = new ExportRunner(environment, definition, started);
        ExportRun run;
        try
        {
            // Membership as of now: the feed records entries and exits only when membership is refreshed.
            await environment.Audiences.RefreshMembershipAsync(cancellationToken).ConfigureAwait(false);
            run = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Recorded as far as it got (its outcomes stay in the ledger), the checkpoint stays, then the exception goes on.
            var cancelled = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var reason = cancelled ? "the run was cancelled" : $"{e.GetType().Name}: {e.Message}";
            ExportLog.RunFailed(environment.Logger, definition.Name, started.Id, reason, e);
            var failed = runner.Progress with { Status = ExportRunStatus.Failed, FinishedAt = environment.Time.GetUtcNow(), Failure = reason };
            await environment.Runs.FinishRunAsync(failed, CancellationToken.None).ConfigureAwait(false);
            if (rethrow || cancelled)
            {
                throw;
            }

            return failed;
        }

        await environment.Runs.FinishRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        ExportLog.RunFinished(environment.Logger, definition.Name, run.Id, run.Status, run.Sent, run.Succeeded, run.Failed, run.Created, run.Updated, run.Removed, run.Skipped);
        return run;
    }

    private async Task<ExportRun?> LastRunAsync(string name, CancellationToken cancellationToken)
    {
        var runs = await environment.Runs.ListRunsAsync(name, 1, cancellationToken).ConfigureAwait(false);
        return runs.Count == 0 ? null : runs[0];
    }

    private async Task<ExportDefinition> RequireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await environment.Definitions.GetAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no export named '{name}'.");
    }
}
