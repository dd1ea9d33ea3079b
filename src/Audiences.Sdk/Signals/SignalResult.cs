using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Signals;

/// <summary>The answer of a signal provider for one record.</summary>
/// <param name="Profile">The profile it answers.</param>
public sealed record SignalResult(ProfileId Profile)
{
    /// <summary>The events found since the time asked about, newest first; empty when none fired.</summary>
    public IReadOnlyList<SignalEvent> Events { get; init; } = [];

    /// <summary>Why the check failed for this record; null unless it did (then <see cref="Events"/> is empty).</summary>
    public string? Error { get; init; }

    /// <summary>The credits the check cost.</summary>
    public decimal Credits { get; init; }
}
