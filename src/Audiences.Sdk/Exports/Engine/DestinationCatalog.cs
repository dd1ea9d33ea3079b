using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>The registered destination factories, by type (ignoring case).</summary>
internal sealed class DestinationCatalog(IEnumerable<IDestinationFactory> factories)
{
    private readonly IReadOnlyList<IDestinationFactory> _factories = [.. factories];

    /// <summary>Creates the destination <paramref name="settings"/> name, checking its settings.</summary>
    /// <exception cref="ArgumentException">No factory has the type, or a setting is missing or invalid.</exception>
    public IDestination Create(DestinationSettings settings)
    {
        var factory = _factories.FirstOrDefault(f => string.Equals(f.Type, settings.Type, StringComparison.OrdinalIgnoreCase));
        if (factory is null)
        {
            var registered = _factories.Count == 0
                ? "none is registered; add one with AddDestination(...) on the builder passed to AddAudiences(...)"
                : $"the registered types are {string.Join(", ", _factories.Select(f => $"'{f.Type}'").Order(StringComparer.OrdinalIgnoreCase))}";
            throw new ArgumentException($"There is no destination of type '{settings.Type}': {registered}.", nameof(settings));
        }

        return factory.Create(settings);
    }
}
