using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Signals;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingSignalRunStore(ISignalRunStore inner) : ISignalRunStore
{
    /// <summary>The contract calls go to.</summary>
    protected ISignalRunStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<SignalRun> StartRunAsync(SignalRun run, CancellationToken cancellationToken = default) =>
        Inner.StartRunAsync(run, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask FinishRunAsync(SignalRun run, CancellationToken cancellationToken = default) =>
        Inner.FinishRunAsync(run, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<SignalRun?> GetRunAsync(long id, CancellationToken cancellationToken = default) =>
        Inner.GetRunAsync(id, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<SignalRun>> ListRunsAsync(string signal, int limit, CancellationToken cancellationToken = default) =>
        Inner.ListRunsAsync(signal, limit, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyDictionary<ProfileId, DateTimeOffset>> FindChecksAsync(string signal, IReadOnlyCollection<ProfileId> profiles, CancellationToken cancellationToken = default) =>
        Inner.FindChecksAsync(signal, profiles, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask RecordChecksAsync(string signal, IReadOnlyCollection<ProfileId> profiles, DateTimeOffset checkedUntil, CancellationToken cancellationToken = default) =>
        Inner.RecordChecksAsync(signal, profiles, checkedUntil, cancellationToken);
}
