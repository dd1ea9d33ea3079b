namespace Audiences.Sdk.Signals;

/// <summary>The kinds of event signals watch for.</summary>
public enum SignalType
{
    /// <summary>A person took a new role or moved to another company.</summary>
    JobChange = 1,

    /// <summary>A company raised money.</summary>
    Funding = 2,

    /// <summary>A company is hiring much more than before.</summary>
    HiringSpike = 3,

    /// <summary>Anything else a provider detects.</summary>
    Custom = 4,
}
