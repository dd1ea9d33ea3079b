namespace Audiences.Sdk.Exports;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingExportRunStore(IExportRunStore inner) : IExportRunStore
{
    /// <summary>The contract calls go to.</summary>
    protected IExportRunStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<ExportRun?> TryStartRunAsync(ExportRun run, DateTimeOffset staleBefore, CancellationToken cancellationToken = default) =>
        Inner.TryStartRunAsync(run, staleBefore, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask FinishRunAsync(ExportRun run, CancellationToken cancellationToken = default) =>
        Inner.FinishRunAsync(run, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<ExportRun>> ListRunsAsync(string exportName, int limit, CancellationToken cancellationToken = default) =>
        Inner.ListRunsAsync(exportName, limit, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<ExportCheckpoint?> GetCheckpointAsync(string exportName, CancellationToken cancellationToken = default) =>
        Inner.GetCheckpointAsync(exportName, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask SaveCheckpointAsync(ExportCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        Inner.SaveCheckpointAsync(checkpoint, cancellationToken);
}
