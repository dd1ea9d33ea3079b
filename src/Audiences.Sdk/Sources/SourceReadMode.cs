namespace Audiences.Sdk.Sources;

/// <summary>How much of an object a read returns.</summary>
public enum SourceReadMode
{
    /// <summary>Every record, whatever the cursor; records missing from a full read were deleted at the source.</summary>
    Full = 1,

    /// <summary>Only the records changed after the cursor (every record when there is none yet).</summary>
    Incremental = 2,
}
