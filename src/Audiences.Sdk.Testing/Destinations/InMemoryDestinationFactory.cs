using System.Collections.Concurrent;
using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Testing.Destinations;

/// <summary>
/// Serves <see cref="InMemoryDestination"/>s of type <c>memory</c> by name (the setting <c>name</c>), so a test registers
/// the factory, adds the destinations it seeded, and asserts on them after an export ran. Every run of an export gets
/// the same instance, so records written by one run are there for the next.
/// </summary>
public sealed class InMemoryDestinationFactory : IDestinationFactory
{
    private readonly ConcurrentDictionary<string, InMemoryDestination> _destinations = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Type => "memory";

    /// <summary>Serves <paramref name="destination"/> under <paramref name="name"/>, replacing any served there.</summary>
    /// <param name="name">The name settings give it with <c>name</c>.</param>
    /// <param name="destination">The destination.</param>
    /// <returns>The destination.</returns>
    public InMemoryDestination Add(string name, InMemoryDestination destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(destination);
        _destinations[name] = destination;
        return destination;
    }

    /// <summary>The destination served under <paramref name="name"/>.</summary>
    /// <param name="name">Its name.</param>
    /// <exception cref="KeyNotFoundException">No destination is served under the name.</exception>
    public InMemoryDestination Get(string name) =>
        _destinations.TryGetValue(name, out var destination)
            ? destination
            : throw new KeyNotFoundException($"No memory destination is named '{name}'.");

    /// <inheritdoc />
    public IDestination Create(DestinationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = settings.Required("name");
        return _destinations.TryGetValue(name, out var destination)
            ? destination
            : throw new ArgumentException($"The memory destination needs the setting 'name' to name a destination added to its factory; none is named '{name}'.", nameof(settings));
    }
}
