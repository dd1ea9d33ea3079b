namespace Audiences.Sdk.Sync;

/// <summary>Where sync definitions are kept, by name.</summary>
/// <remarks>
/// Thread-safe. Definitions are small and written rarely; each call stands alone. Every implementation must pass
/// <c>SyncDefinitionStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface ISyncDefinitionStore
{
    /// <summary>Reads a definition by name (ordinal, ignoring case).</summary>
    /// <returns>The definition, or null when there is none with the name.</returns>
    ValueTask<SyncDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every definition, ordered by name.</summary>
    ValueTask<IReadOnlyList<SyncDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a definition, replacing the one with the same name (ignoring case).</summary>
    ValueTask SaveAsync(SyncDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Removes a definition.</summary>
    /// <returns>Whether there was one with the name.</returns>
    ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);
}
