namespace Audiences.Sdk.Exports;

/// <summary>Where an export run is.</summary>
public enum ExportRunStatus
{
    /// <summary>Started and not finished (or its process died; it goes stale).</summary>
    Running = 1,

    /// <summary>Every record was sent, or failed on its own; the checkpoint moved on.</summary>
    Completed = 2,

    /// <summary>The run failed as a whole (the destination was unreachable, the run was cancelled); the checkpoint stayed.</summary>
    Failed = 3,
}
