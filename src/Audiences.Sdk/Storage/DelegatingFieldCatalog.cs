using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// Passes every call to an inner contract: derive from it to decorate a store (timing, caching, fault
/// injection) by overriding only the members that change; register it with <c>DecorateStore</c> on the builder.
/// </summary>
/// <param name="inner">The contract calls go to.</param>
public abstract class DelegatingFieldCatalog(IFieldCatalog inner) : IFieldCatalog
{
    /// <summary>The contract calls go to.</summary>
    protected IFieldCatalog Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.GetFieldsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        Inner.GetFieldStatisticsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask UpsertFieldAsync(IProfileWriteSession session, FieldDefinition field, CancellationToken cancellationToken = default) =>
        Inner.UpsertFieldAsync(session, field, cancellationToken);
}
