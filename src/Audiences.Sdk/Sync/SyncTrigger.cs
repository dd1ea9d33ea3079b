namespace Audiences.Sdk.Sync;

/// <summary>What started a run.</summary>
public enum SyncTrigger
{
    /// <summary>The schedule: the run was due.</summary>
    Schedule = 1,

    /// <summary>A person or the host, by hand.</summary>
    Manual = 2,
}
