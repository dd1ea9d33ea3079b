namespace Audiences.Sdk.Segments;

/// <summary>Who in the workspace sees an audience in their lists.</summary>
public enum AudienceVisibility
{
    /// <summary>Everyone in the workspace (listed under others' audiences for users other than the creator).</summary>
    Workspace = 0,

    /// <summary>Only its creator.</summary>
    Private = 1,
}
