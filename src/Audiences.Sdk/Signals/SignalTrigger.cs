namespace Audiences.Sdk.Signals;

/// <summary>What started a signal run.</summary>
public enum SignalTrigger
{
    /// <summary>A person or the host, by hand.</summary>
    Manual = 1,

    /// <summary>The recurrence: the run was due.</summary>
    Schedule = 2,
}
