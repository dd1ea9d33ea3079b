namespace Audiences.Sdk.Exports;

/// <summary>What a run would do to one destination field of one record.</summary>
public enum ExportFieldAction
{
    /// <summary>Would write the value.</summary>
    Write = 1,

    /// <summary>Would keep the destination's value because of the mapping's rule (<see cref="ExportPlanField.Rule"/>).</summary>
    SkippedByRule = 2,

    /// <summary>The destination already holds the value.</summary>
    Unchanged = 3,
}
