namespace Audiences.Sdk.Exports;

/// <summary>When an export may write a destination field.</summary>
public enum WriteRule
{
    /// <summary>Never: the field is mapped, and left as the destination holds it. The default.</summary>
    Never = 1,

    /// <summary>Only while the destination's current value is empty; a value someone set is never overwritten.</summary>
    IfEmpty = 2,

    /// <summary>Always: the destination's value is overwritten whenever the profile's differs.</summary>
    Always = 3,
}
