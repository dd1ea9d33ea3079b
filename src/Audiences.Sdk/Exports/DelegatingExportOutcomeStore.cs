namespace Audiences.Sdk.Exports;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingExportOutcomeStore(IExportOutcomeStore inner) : IExportOutcomeStore
{
    /// <summary>The contract calls go to.</summary>
    protected IExportOutcomeStore Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask RecordAsync(string exportName, long run, IReadOnlyList<ExportOutcome> outcomes, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Inner.RecordAsync(exportName, run, outcomes, at, cancellationToken);

    /// <inheritdoc />
    public virtual IAsyncEnumerable<ExportOutcome> ListOutcomesAsync(string exportName, long run, CancellationToken cancellationToken = default) =>
        Inner.ListOutcomesAsync(exportName, run, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<ExportFailure>> ListFailuresAsync(string exportName, CancellationToken cancellationToken = default) =>
        Inner.ListFailuresAsync(exportName, cancellationToken);
}
