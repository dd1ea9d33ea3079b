namespace Audiences.Sdk.Sync;

/// <summary>Where a run stands.</summary>
public enum SyncRunStatus
{
    /// <summary>Reading and storing; no other run of the sync starts meanwhile.</summary>
    Running = 1,

    /// <summary>Read to the end; every batch stored with its cursor.</summary>
    Succeeded = 2,

    /// <summary>Stopped by an error after its retries; the cursor stays after the last batch it stored.</summary>
    Failed = 3,
}
