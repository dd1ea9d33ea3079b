namespace Audiences.Sdk.Exports;

/// <summary>What a run would do to one record.</summary>
public enum ExportPlanAction
{
    /// <summary>Would update the record the destination holds (at least one field is written).</summary>
    Update = 1,

    /// <summary>Would create the record: the destination does not hold it and creating is on.</summary>
    Create = 2,

    /// <summary>Would remove the record: it left the audience and removal on exit is on.</summary>
    Remove = 3,

    /// <summary>Would send nothing: every field is unchanged or kept by its rule.</summary>
    Unchanged = 4,

    /// <summary>Would not send it: no key, or not in the destination while creating is off (<see cref="ExportPlanRecord.Reason"/> says which).</summary>
    Skip = 5,
}
