using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>The default <see cref="ISyncService"/>: definitions checked against their sources, runs that never overlap.</summary>
internal sealed partial class SyncService(SyncEnvironment environment, IEnumerable<ISourceFactory> factories) : ISyncService
{
    private readonly Dictionary<string, ISourceFactory> _factories = factories.ToDictionary(f => f.Type, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _running = new(StringComparer.OrdinalIgnoreCase);

    public async Task<SyncDefinition> SaveAsync(SyncDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        SyncDefinitionRules.Check(definition);
        var opened = Open(definition.Source);
        await using (opened.ConfigureAwait(false))
        {
            var described = await DescribeAsync(opened.Source, definition.ObjectName, cancellationToken).ConfigureAwait(false);

            // Stored as the source spells its object and fields, since a source may compare names exactly when it reads.
            definition = SyncDefinitionRules.InSourceSpelling(definition, described);
            SyncDefinitionRules.CheckFields(definition, described);
        }

        var previous = await environment.Definitions.GetAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        if (previous is not null && SyncDefinitionRules.ReadsDifferently(previous, definition))
        {
            // The stored cursor is a position in what the old definition read: under a wider query it would skip every
            // row before it for good. The next run starts from the beginning instead. Cleared before the new definition
            // is stored, so a failure in between costs a re-read, never a row.
            await ClearCursorAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            SyncLog.CursorReset(environment.Logger, definition.Name);
        }

        await environment.Definitions.SaveAsync(definition, cancellationToken).ConfigureAwait(false);
        return definition;
    }

    public ValueTask<SyncDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return environment.Definitions.GetAsync(name, cancellationToken);
    }

    public ValueTask<IReadOnlyList<SyncDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        environment.Definitions.ListAsync(cancellationToken);

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var last = await environment.State.ListRunsAsync(name, 1, null, cancellationToken).ConfigureAwait(false);
        if (last is [{ Status: SyncRunStatus.Running } running] && running.StartedAt >= environment.Time.GetUtcNow() - environment.Options.StaleRunAfter)
        {
            // Its run would go on saving a cursor that a later sync of the same name would inherit.
            throw new InvalidOperationException($"Sync '{name}' is running (run {running.Id}); wait for the run to end, then remove the sync.");
        }

        var removed = await environment.Definitions.RemoveAsync(name, cancellationToken).ConfigureAwait(false);
        if (removed)
        {
            await environment.State.DeleteAsync(name, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    public async Task<SyncRun> RunAsync(string name, SourceReadMode? mode = null, CancellationToken cancellationToken = default)
    {
        var definition = await GetAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no sync named '{name}'.");
        mode ??= await ModeByHandAsync(definition, cancellationToken).ConfigureAwait(false);
        return await TryRunAsync(definition, mode.Value, SyncTrigger.Manual, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Sync '{definition.Name}' is already running; wait for its run to end.");
    }

    public async IAsyncEnumerable<SyncRun> RunDueAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var (lastRun, lastFull) = await LastRunsAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (SyncCalendar.DueMode(definition, lastRun, lastFull, environment.Time.GetUtcNow()) is { } mode)
            {
                if (await TryRunAsync(definition, mode, SyncTrigger.Schedule, cancellationToken).ConfigureAwait(false) is { } run)
                {
                    yield return run;
                }
                else
                {
                    SyncLog.Skipped(environment.Logger, definition.Name);
                }
            }
        }
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset? next = null;
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var (lastRun, lastFull) = await LastRunsAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (SyncCalendar.NextDue(definition, lastRun, lastFull) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return NotBeforeNow(next);
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = await GetAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no sync named '{name}'.");
        var (lastRun, lastFull) = await LastRunsAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        return NotBeforeNow(SyncCalendar.NextDue(definition, lastRun, lastFull));
    }

    public ValueTask<IReadOnlyList<SyncRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return environment.State.ListRunsAsync(name, limit, null, cancellationToken);
    }

    private async Task ClearCursorAsync(string name, CancellationToken cancellationToken)
    {
        var session = await environment.Store.Profiles.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            await environment.State.SaveCursorAsync(session, name, null, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records a run that ended on an exception; a store that cannot record it now is logged, not thrown over the exception.</summary>
    private async Task TryFinishAsync(SyncRun run, Exception cause)
    {
        try
        {
            await environment.State.FinishRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SyncLog.FinishFailed(environment.Logger, run.Sync, run.Id, cause, e);
        }
    }

    /// <summary>A missed slot (or a sync that never ran) is due now, not at the slot's time.</summary>
    private DateTimeOffset? NotBeforeNow(DateTimeOffset? due) =>
        due is { } at && environment.Time.GetUtcNow() is var now && at < now ? now : due;

    /// <summary>Runs a sync unless a run of it is going on here or in another process; null then.</summary>
    private async Task<SyncRun?> TryRunAsync(SyncDefinition definition, SourceReadMode mode, SyncTrigger trigger, CancellationToken cancellationToken)
    {
        var gate = _running.GetOrAdd(definition.Name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            var now = environment.Time.GetUtcNow();
            var started = await environment.State.TryStartRunAsync(
                new SyncRun(0, definition.Name, mode, trigger, now), now - environment.Options.StaleRunAfter, cancellationToken).ConfigureAwait(false);
            if (started is null)
            {
                return null;
            }

            SyncLog.RunStarted(environment.Logger, definition.Name, mode, started.Id);
            var runner = new SyncRunner(environment, started);
            SyncRun run;
            try
            {
                run = await RunStartedAsync(definition, runner, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Stopped from outside (the caller cancelled) or by the store: the run is recorded as far as it got, or
                // it would look alive and block the sync until it went stale. Then the exception goes on.
                var reason = e is OperationCanceledException && cancellationToken.IsCancellationRequested
                    ? "the run was cancelled; the next one resumes after its last stored batch"
                    : $"{e.GetType().Name}: {e.Message}";
                await TryFinishAsync(runner.Progress with { Status = SyncRunStatus.Failed, FinishedAt = environment.Time.GetUtcNow(), Failure = reason }, e).ConfigureAwait(false);
                throw;
            }

            // Recorded whatever the caller's token says by now: the run has ended, and its record must say so.
            await environment.State.FinishRunAsync(run, CancellationToken.None).ConfigureAwait(false);
            SyncLog.RunFinished(environment.Logger, run);
            return run;
        }
        finally
        {
            gate.Release();
        }
    }
}
