using Audiences.Sdk.Sources;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sync;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingSyncStateStore(ISyncStateStore inner) : ISyncStateStore
{
    /// <summary>The contract calls go to.</summary>
    protected ISyncStateStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<string?> GetCursorAsync(string sync, CancellationToken cancellationToken = default) =>
        Inner.GetCursorAsync(sync, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SaveCursorAsync(IProfileWriteSession session, string sync, string? cursor, CancellationToken cancellationToken = default) =>
        Inner.SaveCursorAsync(session, sync, cursor, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<SyncRun?> TryStartRunAsync(SyncRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default) =>
        Inner.TryStartRunAsync(run, staleBefore, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask FinishRunAsync(SyncRun run, CancellationToken cancellationToken = default) =>
        Inner.FinishRunAsync(run, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<SyncRun>> ListRunsAsync(string sync, int limit, SourceReadMode? mode = null, CancellationToken cancellationToken = default) =>
        Inner.ListRunsAsync(sync, limit, mode, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask DeleteAsync(string sync, CancellationToken cancellationToken = default) =>
        Inner.DeleteAsync(sync, cancellationToken);
}
