using System.Runtime.CompilerServices;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Tests.DataHub;

/// <summary>A signal service holding fixed definitions, budgets and runs; only the reads the Data Hub makes are answered.</summary>
internal sealed class FakeSignalService : ISignalService
{
    public List<SignalDefinition> Definitions { get; } = [];

    public Dictionary<string, CreditBudget> Budgets { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs per signal, newest first.</summary>
    public Dictionary<string, List<SignalRun>> Runs { get; } = new(StringComparer.Ordinal);

    public ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<SignalDefinition>>([.. Definitions]);

    public ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Definitions.FirstOrDefault(d => d.Name == name));

    public ValueTask<CreditBudget> GetBudgetAsync(string name, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Budgets.TryGetValue(name, out var budget) ? budget : new CreditBudget($"signal:{name}", null, 0, 0));

    public ValueTask<IReadOnlyList<SignalRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<SignalRun>>(Runs.TryGetValue(name, out var runs) ? [.. runs.Take(limit)] : []);

    public Task<SignalDefinition> SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task SetBudgetAsync(string name, decimal? credits, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SignalCostPreview> PreviewCostAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<SignalRun> RunAsync(string name, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async IAsyncEnumerable<SignalRun> RunDueAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default) => Task.FromResult<DateTimeOffset?>(null);
}
