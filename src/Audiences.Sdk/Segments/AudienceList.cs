namespace Audiences.Sdk.Segments;

/// <summary>The audience lists a user sees.</summary>
public enum AudienceList
{
    /// <summary>The user's own active audiences.</summary>
    Mine = 0,

    /// <summary>Active audiences of other users shared with the workspace.</summary>
    Others = 1,

    /// <summary>The user's own drafts.</summary>
    Drafts = 2,
}
