namespace Audiences.Sdk.Drafts;

/// <summary>Where a draft stands.</summary>
public enum DraftStatus
{
    /// <summary>Holding its records for review; nothing is in the workspace's profiles.</summary>
    Open = 1,

    /// <summary>Its records were imported: matched and merged into the workspace's profiles.</summary>
    Committed = 2,

    /// <summary>Its records were dropped.</summary>
    Discarded = 3,
}
