using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Storage;

/// <summary>
/// The field catalog of each kind (key, type, origin, description) and its fill statistics. Fields are
/// added inside a write session; a field's type never changes once stored.
/// </summary>
/// <remarks>
/// Thread-safety: reads run alongside the writer session. The session passed to <see cref="UpsertFieldAsync"/>
/// is one begun by the same store's <see cref="IProfileStore.BeginWriteAsync"/>, possibly wrapped in a
/// <see cref="DelegatingProfileWriteSession"/>. Every implementation must pass <c>FieldCatalogSpecification</c>
/// in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IFieldCatalog
{
    /// <summary>Reads the field catalog of a kind, ordered by key.</summary>
    ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Reads the field catalog of a kind with each field's fill count over the live profiles, ordered by key.</summary>
    ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a field to the catalog or replaces its description, as part of <paramref name="session"/>;
    /// the type of a stored field never changes.
    /// </summary>
    /// <param name="session">The open write session of this store.</param>
    /// <param name="field">The field.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The session was begun by another store.</exception>
    ValueTask UpsertFieldAsync(IProfileWriteSession session, FieldDefinition field, CancellationToken cancellationToken = default);
}
