using System.Runtime.CompilerServices;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Signals.Engine;

/// <summary>The default <see cref="ISignalService"/>.</summary>
internal sealed class SignalService(SignalEnvironment environment) : ISignalService
{
    public async Task<SignalDefinition> SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(definition.Audiences);
        await SignalDefinitionRules.CheckAsync(definition, environment, cancellationToken).ConfigureAwait(false);
        await SignalDefinitionRules.RegisterFieldsAsync(definition, environment, cancellationToken).ConfigureAwait(false);

        // Companions belong to the signal: those of the stored definition are kept, what the caller passed is not trusted.
        var stored = await environment.Definitions.GetAsync(definition.Name, cancellationToken).ConfigureAwait(false);
        var companions = await SignalCompanions.KeepAsync(definition, stored?.Companions ?? [], environment, cancellationToken).ConfigureAwait(false);
        var saved = definition with { Audiences = [.. definition.Audiences.Distinct()], Companions = companions };
        await environment.Definitions.SaveAsync(saved, cancellationToken).ConfigureAwait(false);
        return saved;
    }

    public ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return environment.Definitions.GetAsync(name, cancellationToken);
    }

    public ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
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

    public async Task<SignalCostPreview> PreviewCostAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        var provider = environment.Providers.GetSignalProvider(definition.Provider);
        var members = await CountMembersAsync(definition, cancellationToken).ConfigureAwait(false);
        return new SignalCostPreview(members, provider.CreditsPerRecord);
    }

    public async Task<SignalRun> RunAsync(string name, CancellationToken cancellationToken = default)
    {
        var definition = await RequireAsync(name, cancellationToken).ConfigureAwait(false);
        return await RunAsync(definition, SignalTrigger.Manual, rethrow: true, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<SignalRun> RunDueAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = await LastRunAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (SignalCalendar.NextDue(definition, last) is { } due && due <= environment.Time.GetUtcNow())
            {
                yield return await RunAsync(definition, SignalTrigger.Schedule, rethrow: false, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default)
    {
        DateTimeOffset? next = null;
        foreach (var definition in await ListAsync(cancellationToken).ConfigureAwait(false))
        {
            var last = await LastRunAsync(definition.Name, cancellationToken).ConfigureAwait(false);
            if (SignalCalendar.NextDue(definition, last) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        // An overdue signal is due now, not at the time it fell due.
        return next is { } at && environment.Time.GetUtcNow() is var now && at < now ? now : next;
    }

    public ValueTask<IReadOnlyList<SignalRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return environment.Runs.ListRunsAsync(name, limit, cancellationToken);
    }

    /// <summary>
    /// Runs the signal. A run that fails outright is recorded as failed, then its exception goes on when
    /// <paramref name="rethrow"/> is set (a caller asked for this run) and the failed run is returned otherwise (the
    /// schedule reports it and goes on with the others); the caller's cancellation always goes on.
    /// </summary>
    private async Task<SignalRun> RunAsync(SignalDefinition definition, SignalTrigger trigger, bool rethrow, CancellationToken cancellationToken)
    {
        var started = await environment.Runs.StartRunAsync(
            new SignalRun(0, definition.Name, trigger, environment.Time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        SignalLog.RunStarted(environment.Logger, definition.Name, trigger, started.Id);
        var runner = new SignalRunner(environment, definition, started);
        SignalRun run;
        try
        {
            // The companions follow their audiences' criteria as they are now, and come back if someone deleted them.
            await KeepCompanionsAsync(definition, cancellationToken).ConfigureAwait(false);
            run = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            if (run.Fired > 0)
            {
                await environment.Audiences.RefreshMembershipAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            // Recorded as far as it got: what it paid for is in the ledger, the events it wrote stay.
            var cancelled = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
            var reason = cancelled ? "the run was cancelled" : $"{e.GetType().Name}: {e.Message}";
            SignalLog.RunFailed(environment.Logger, definition.Name, started.Id, reason, e);
            var failed = runner.Progress with { Status = SignalRunStatus.Failed, FinishedAt = environment.Time.GetUtcNow(), Failure = reason };
            await environment.Runs.FinishRunAsync(failed, CancellationToken.None).ConfigureAwait(false);
            if (rethrow || cancelled)
            {
                throw;
            }

            return failed;
        }

        await environment.Runs.FinishRunAsync(run, CancellationToken.None).ConfigureAwait(false);
        SignalLog.RunFinished(environment.Logger, definition.Name, run.Id, run.Status, run.Checked, run.Fired, run.Failed, run.Credits);
        return run;
    }

    private async Task KeepCompanionsAsync(SignalDefinition definition, CancellationToken cancellationToken)
    {
        var companions = await SignalCompanions.KeepAsync(definition, definition.Companions, environment, cancellationToken).ConfigureAwait(false);
        if (!companions.SequenceEqual(definition.Companions))
        {
            await environment.Definitions.SaveAsync(definition with { Companions = companions }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The distinct members of the signal's audiences.</summary>
    private async Task<long> CountMembersAsync(SignalDefinition definition, CancellationToken cancellationToken)
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

    private async Task<SignalRun?> LastRunAsync(string name, CancellationToken cancellationToken)
    {
        var runs = await environment.Runs.ListRunsAsync(name, 1, cancellationToken).ConfigureAwait(false);
        return runs.Count == 0 ? null : runs[0];
    }

    private async Task<SignalDefinition> RequireAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return await environment.Definitions.GetAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no signal named '{name}'.");
    }
}
