using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.DataHub;

/// <summary>
/// The Data Hub: one place to see what the data layer holds (records, fields and how well they are filled),
/// what writes each field and what each enrichment and signal spends, and to describe fields.
/// </summary>
/// <remarks>
/// Thread-safe. Figures are read when asked, each from committed state; an import running alongside may change
/// them between two calls. Enrichments and signals are listed only when their services are registered.
/// </remarks>
public interface IDataHubService
{
    /// <summary>Counts the records (people, companies), the catalog fields of each kind, the enrichments and the signals.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The counts.</returns>
    Task<DataHubOverview> GetOverviewAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the catalog fields of a kind, ordered by key, each with its fill count and rate over the live profiles
    /// and the enrichments and signals that write it.
    /// </summary>
    /// <param name="kind">Person or company.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fields.</returns>
    Task<IReadOnlyList<DataHubField>> ListFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Lists the enrichments by name, each with its budget, last run, audiences and fields; empty when enrichments are not registered.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The enrichments.</returns>
    Task<IReadOnlyList<DataHubEnrichment>> ListEnrichmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the signals by name, each with its budget, last run, audiences and fields; empty when signals are not registered.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The signals.</returns>
    Task<IReadOnlyList<DataHubSignal>> ListSignalsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a field's display name, description, cost or export status; settings the edit leaves null stay.
    /// Imports never overwrite these settings of a field that exists.
    /// </summary>
    /// <param name="kind">The field's kind.</param>
    /// <param name="key">The field's key, e.g. <c>work_email</c>.</param>
    /// <param name="edit">The changes.</param>
    /// <param name="cancellationToken">Cancels the call before it commits.</param>
    /// <returns>The field as stored after the edit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="edit"/> is null.</exception>
    /// <exception cref="ArgumentException">The display name is blank, the cost is negative, or a setting is both set and cleared.</exception>
    /// <exception cref="KeyNotFoundException">The kind's catalog has no field with the key.</exception>
    Task<FieldDefinition> EditFieldAsync(EntityKind kind, string key, FieldEdit edit, CancellationToken cancellationToken = default);
}
