namespace Audiences.Sdk.Segments;

/// <summary>Which record of an audience to show relative to a cursor.</summary>
public enum RecordStep
{
    /// <summary>The record after the cursor (the first one when there is no cursor).</summary>
    Next = 0,

    /// <summary>The record before the cursor (the last one when there is no cursor).</summary>
    Previous = 1,

    /// <summary>The record at the cursor itself.</summary>
    Current = 2,
}
