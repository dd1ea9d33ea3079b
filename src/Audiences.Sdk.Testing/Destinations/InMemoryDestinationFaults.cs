using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Testing.Destinations;

/// <summary>
/// Failures an <see cref="InMemoryDestination"/> injects at random, from a seed so a test sees the same sequence each
/// run: calls that fail as a whole before anything is applied (some rate-limited with a <c>Retry-After</c>, some like a
/// server error), and write calls whose batch is applied but whose answer is lost.
/// </summary>
public sealed class InMemoryDestinationFaults
{
    /// <summary>The seed of the random sequence. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The fraction (0 to 1) of calls that throw <see cref="DestinationUnavailableException"/> before doing anything.</summary>
    public double UnavailableRate { get; init; }

    /// <summary>The fraction (0 to 1) of those failures that are rate limits carrying <see cref="RetryAfter"/>; the rest are server errors without it. Default one half.</summary>
    public double RateLimitedShare { get; init; } = 0.5;

    /// <summary>The wait a rate-limited failure asks for. Default 30 seconds.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The fraction (0 to 1) of write calls that apply their batch and then throw <see cref="DestinationUnavailableException"/>
    /// as if the answer were lost on the way back, so a retry sends writes already applied.
    /// </summary>
    public double LostAnswerRate { get; init; }
}
