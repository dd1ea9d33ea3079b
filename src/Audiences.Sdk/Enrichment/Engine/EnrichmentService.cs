using System.Globalization;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>The default <see cref="IEnrichmentService"/>.</summary>
internal sealed class EnrichmentService(EnrichmentEnvironment environment) : IEnrichmentService
{
    public async Task<EnrichmentDefinition> SaveAsync(EnrichmentDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        await EnrichmentDefinitionRules.CheckAsync(definition, environment, cancellationToken).ConfigureAwait(false);
        await environment.Definitions.SaveAsync(definition, cancellationToken).ConfigureAwait(false);
        return definition;
    }

    public async Task<IReadOnlyList<string>> CheckAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        return await WarningsAsync(definition, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask<EnrichmentDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return environment.Definitions.GetAsync(name, cancellationToken);
    }

    public ValueTask<IReadOnlyList<EnrichmentDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        environment.Definitions.ListAsync(cancellationToken);

    public async Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await environment.Definitions.RemoveAsync(name, cancellationToken).ConfigureAwait(false);
    }

    public async Task SetBudgetAsync(string name, decimal? credits, CancellationToken cancellationToken = default)
    {
        if (credits is { } cap)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(cap, nameof(credits));
        }

        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        await environment.Ledger.SetCapAsync(definition.EffectiveBudget, credits, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<CreditBudget> GetBudgetAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        return await environment.Ledger.GetBudgetAsync(definition.EffectiveBudget, environment.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<EnrichmentRun> RunAsync(string name, bool force = false, CancellationToken cancellationToken = default)
    {
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        return await RunAsync(definition, EnrichmentTrigger.Manual, force, testRows: null, rethrow: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EnrichmentRun> TestAsync(string name, int rows = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        return await RunAsync(definition, EnrichmentTrigger.Test, force: true, rows, rethrow: true, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<EnrichmentRun> RunDueAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = await LastRunAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (EnrichmentCalendar.Due(definition, last, environment.Time.GetUtcNow()) is { } trigger)
            {
                yield return await RunAsync(definition, trigger, force: false, testRows: null, rethrow: false, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset? next = null;
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = await LastRunAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (EnrichmentCalendar.NextDue(definition, last) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        // A missed slot is due now, not at the slot's time.
        return next is { } at && environment.Time.GetUtcNow() is var now && at < now ? now : next;
    }

    public ValueTask<IReadOnlyList<EnrichmentRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return environment.Runs.ListRunsAsync(name, limit, cancellationToken);
    }

    public ValueTask<EnrichmentRun?> GetRunAsync(long runId, CancellationToken cancellationToken = default) =>
        environment.Runs.GetRunAsync(runId, cancellationToken);

    public IAsyncEnumerable<EnrichmentRunOutput> ListOutputsAsync(long runId, CancellationToken cancellationToken = default) =>
        environment.Outputs.ListOutputsAsync(runId, cancellationToken);

    /// <summary>
    /// Runs the enrichment. A run that fails outright is recorded as failed, then its exception goes on when
    /// <paramref name="rethrow"/> is set (a caller asked for this run) and the failed run is returned otherwise (the
    /// schedule reports it and goes on with the others); the caller's cancellation always goes on.
    /// </summary>
    private async Task<EnrichmentRun> RunAsync(
        EnrichmentDefinition definition, EnrichmentTrigger trigger, bool force, int? testRows, bool rethrow, CancellationToken cancellationToken)
    {
        var started = await environment.Runs.StartRunAsync(
            new EnrichmentRun(0, definition.Name, trigger, environment.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        EnrichmentLog.RunStarted(environment.Logger, definition.Name, trigger, started.Id);
        var warnings = testRows is null ? await WarningsAsync(definition, cancellationToken).ConfigureAwait(false) : [];
        foreach (var warning in warnings)
        {
            EnrichmentLog.Warning(environment.Logger, definition.Name, started.Id, warning);
        }

        var runner = new EnrichmentRunner(environment, definition, started with { Warnings = warnings });
        EnrichmentRun run;
        try
        {
            run = await runner.RunAsync(force, testRows, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Recorded as far as it got: what it paid for is in the ledger and its outputs.
            var cancelled = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var reason = cancelled ? "the run was cancelled" : $"{e.GetType().Name}: {e.Message}";
            EnrichmentLog.RunFailed(environment.Logger, definition.Name, started.Id, reason, e);
            var failed = runner.Progress with { Status = EnrichmentRunStatus.Failed, FinishedAt = environment.Time.GetUtcNow(), Failure = reason };
            await environment.Runs.FinishRunAsync(failed, CancellationToken.None).ConfigureAwait(false);
            if (rethrow || cancelled)
            {
                throw;
            }

            return failed;
        }

        await environment.Runs.FinishRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        EnrichmentLog.RunFinished(environment.Logger, definition.Name, run.Id, run.Status, run.Processed, run.Written, run.Skipped, run.Failed, run.Gated, run.Credits);
        return run;
    }

    /// <summary>The enrichment's warnings: its audiences holding more members than its record action takes.</summary>
    private async Task<IReadOnlyList<string>> WarningsAsync(EnrichmentDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.Action is not { } name
            || environment.Actions.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) is not { MaxRows: { } cap } action)
        {
            return [];
        }

        var members = await CountMembersAsync(definition, cancellationToken).ConfigureAwait(false);
        return members <= cap
            ? []
            : [string.Create(CultureInfo.InvariantCulture,
                $"Enrichment '{definition.Name}': its audiences hold {members} records, more than the {cap} rows action '{action.Name}' takes; each run hands it at most {cap} and holds back the rest.")];
    }

    /// <summary>The distinct members of the enrichment's audiences.</summary>
    private async Task<long> CountMembersAsync(EnrichmentDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.Audiences.Count == 1)
        {
            return await environment.Audiences.CountAsync(definition.Audiences[0], cancellationToken).ConfigureAwait(false);
        }

        var seen = new HashSet<ProfileId>();
        foreach (var audience in definition.Audiences)
        {
            ProfileId? after = null;
            do
            {
                var page = await environment.Audiences.ListMembersAsync(audience, after, 500, cancellationToken).ConfigureAwait(false);
                seen.UnionWith(page.Profiles.Select(p => p.Id));
                after = page.Next;
            }
            while (after is not null);
        }

        return seen.Count;
    }

    /// <summary>The newest run that counts for the schedule: any but a test run.</summary>
    private async Task<EnrichmentRun?> LastRunAsync(string name, CancellationToken cancellationToken)
    {
        var runs = await environment.Runs.ListRunsAsync(name, 20, cancellationToken).ConfigureAwait(false);
        return runs.FirstOrDefault(r => r.Trigger != EnrichmentTrigger.Test);
    }

    private async Task<EnrichmentDefinition> RequireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await environment.Definitions.GetAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no enrichment named '{name}'.");
    }
}
