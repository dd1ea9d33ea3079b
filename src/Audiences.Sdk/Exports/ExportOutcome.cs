using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports;

/// <summary>One record's outcome in one export run.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Key">Its key in the destination; null when it has none.</param>
/// <param name="Kind">What became of it.</param>
public sealed record ExportOutcome(ProfileId Profile, string? Key, ExportOutcomeKind Kind)
{
    /// <summary>Why it was skipped or failed; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>Which attempt at this record's write this was (1 the first time, more when retried).</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>For a failure: when it is tried again; null when it is not (given up, or a reason sending again cannot cure).</summary>
    public DateTimeOffset? RetryAt { get; init; }
}
