namespace Audiences.Sdk.Destinations;

/// <summary>A destination's type and its settings (a connection string, a table, a file, an account), as stored with an export.</summary>
/// <param name="Type">The destination type, matching an <see cref="IDestinationFactory.Type"/>.</param>
/// <param name="Values">The settings by name; names are compared as given.</param>
public sealed record DestinationSettings(string Type, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The setting named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The setting's name.</param>
    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The setting named <paramref name="name"/>.</summary>
    /// <param name="name">The setting's name.</param>
    /// <exception cref="ArgumentException">The setting is missing or blank.</exception>
    public string Required(string name) =>
        this[name] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"The {Type} destination needs the setting '{name}'.", nameof(name));
}
