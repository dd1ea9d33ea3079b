namespace Audiences.Sdk.Signals;

/// <summary>One run of a signal: when, what it checked and found, what it cost, and how it ended.</summary>
/// <param name="Id">The run's id, larger than every earlier run's (0 before the store assigns it).</param>
/// <param name="Signal">The signal's name; runs outlive edits of its definition.</param>
/// <param name="Trigger">By hand or the recurrence.</param>
/// <param name="StartedAt">When the run started; records it checks are checked up to this time.</param>
public sealed record SignalRun(long Id, string Signal, SignalTrigger Trigger, DateTimeOffset StartedAt)
{
    /// <summary>Running, or how it ended.</summary>
    public SignalRunStatus Status { get; init; } = SignalRunStatus.Running;

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Records checked (and paid for).</summary>
    public long Checked { get; init; }

    /// <summary>Records for which at least one new event fired.</summary>
    public long Fired { get; init; }

    /// <summary>Records whose check failed, each with its reason in <see cref="Errors"/> (up to the reporting limit).</summary>
    public long Failed { get; init; }

    /// <summary>The credits the run spent.</summary>
    public decimal Credits { get; init; }

    /// <summary>The first failures, each naming the profile.</summary>
    public IReadOnlyList<SignalError> Errors { get; init; } = [];

    /// <summary>Why the run failed; null unless <see cref="Status"/> is <see cref="SignalRunStatus.Failed"/>.</summary>
    public string? Failure { get; init; }

    /// <summary>How long the run took; null while it runs.</summary>
    public TimeSpan? Duration => FinishedAt - StartedAt;
}
