namespace Audiences.Sdk.Signals;

/// <summary>Where a signal run stands.</summary>
public enum SignalRunStatus
{
    /// <summary>Checking records.</summary>
    Running = 1,

    /// <summary>Every record checked.</summary>
    Completed = 2,

    /// <summary>Stopped when the credit budget ran out; the records checked so far stand and the rest are checked next time.</summary>
    BudgetReached = 3,

    /// <summary>Stopped by an error; the reason is in <see cref="SignalRun.Failure"/>.</summary>
    Failed = 4,
}
