namespace Audiences.Sdk.Exports;

/// <summary>What started an export run.</summary>
public enum ExportTrigger
{
    /// <summary>A caller, by hand.</summary>
    Manual = 1,

    /// <summary>The schedule.</summary>
    Schedule = 2,
}
