namespace Audiences.Sdk.Exports;

/// <summary>Where export definitions are kept, by name.</summary>
/// <remarks>
/// Thread-safe. Definitions are small and written rarely; each call stands alone. Every implementation must pass
/// <c>ExportDefinitionStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface IExportDefinitionStore
{
    /// <summary>Reads a definition by name (ordinal, ignoring case).</summary>
    /// <param name="name">The export's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The definition, or null when there is none with the name.</returns>
    ValueTask<ExportDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every definition, ordered by name.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask<IReadOnlyList<ExportDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a definition, replacing the one with the same name (ignoring case).</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    ValueTask SaveAsync(ExportDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Removes a definition; its runs, checkpoint and outcomes stay.</summary>
    /// <param name="name">The export's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether there was one with the name.</returns>
    ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);
}
