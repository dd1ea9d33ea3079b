namespace Audiences.Sdk.Signals;

/// <summary>Where signal definitions are kept, by name.</summary>
/// <remarks>
/// Thread-safe. Definitions are small and written rarely; each call stands alone. Every implementation must pass
/// <c>SignalDefinitionStoreSpecification</c> in <c>Audiences.Sdk.Testing</c>.
/// </remarks>
public interface ISignalDefinitionStore
{
    /// <summary>Reads a definition by name (ordinal, ignoring case).</summary>
    /// <returns>The definition, or null when there is none with the name.</returns>
    ValueTask<SignalDefinition?> GetAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Reads every definition, ordered by name.</summary>
    ValueTask<IReadOnlyList<SignalDefinition>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores a definition, replacing the one with the same name (ignoring case).</summary>
    /// <exception cref="ArgumentException">The definition could not be read back from its JSON (see <see cref="SignalDefinitionJson.SerializeForStorage"/>).</exception>
    ValueTask SaveAsync(SignalDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Removes a definition; its runs and checks stay.</summary>
    /// <returns>Whether there was one with the name.</returns>
    ValueTask<bool> RemoveAsync(string name, CancellationToken cancellationToken = default);
}
