namespace Audiences.Sdk.Sources;

/// <summary>
/// How to open a source, as a sync definition keeps it: the source type (which <see cref="ISourceFactory"/>
/// opens it) and its settings, such as a file path or a provider, connection string and query.
/// </summary>
/// <param name="Type">The source type, e.g. <c>csv</c> or <c>sql</c>.</param>
/// <param name="Values">The settings by name; their meaning is the factory's.</param>
public sealed record SourceSettings(string Type, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>A setting's value, or null when it is not set.</summary>
    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    /// <summary>A setting that must be set.</summary>
    /// <exception cref="ArgumentException">The setting is missing or blank; the message names it and the source type.</exception>
    public string Required(string name) =>
        this[name] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"The {Type} source needs the setting '{name}'.", nameof(name));
}
