namespace Audiences.Sdk.Destinations;

/// <summary>Creates destinations of one type (<c>sql</c>, <c>csv</c>, <c>meta</c> …) from their settings; registered in the container.</summary>
public interface IDestinationFactory
{
    /// <summary>The type this factory creates, as <see cref="DestinationSettings.Type"/> names it (compared ignoring case).</summary>
    string Type { get; }

    /// <summary>Creates a destination from <paramref name="settings"/>, checking them without reaching the destination.</summary>
    /// <param name="settings">The destination's type and settings.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it.</exception>
    IDestination Create(DestinationSettings settings);
}
