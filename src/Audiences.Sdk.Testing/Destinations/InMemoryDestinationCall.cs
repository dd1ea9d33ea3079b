using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Testing.Destinations;

/// <summary>One call an <see cref="InMemoryDestination"/> received, with what it was asked and how it ended.</summary>
/// <param name="Kind">Which method was called.</param>
public sealed record InMemoryDestinationCall(InMemoryDestinationCallKind Kind)
{
    /// <summary>The writes of a write call; empty for other calls.</summary>
    public IReadOnlyList<DestinationWrite> Writes { get; init; } = [];

    /// <summary>The request of a read call; null for other calls.</summary>
    public DestinationReadRequest? Read { get; init; }

    /// <summary>The answers of a write call that returned; empty when it threw or for other calls.</summary>
    public IReadOnlyList<DestinationResult> Results { get; init; } = [];

    /// <summary>Whether a write call applied its batch (true also when its answer was then lost).</summary>
    public bool Applied { get; init; }

    /// <summary>What the call threw, or null when it returned.</summary>
    public Exception? Exception { get; init; }
}
