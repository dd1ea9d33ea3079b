namespace Audiences.Sdk.Segments;

/// <summary>Whether an audience is still being worked on or in use.</summary>
public enum AudienceStatus
{
    /// <summary>Work in progress: listed only to its creator, under drafts. Its membership is kept like any other.</summary>
    Draft = 0,

    /// <summary>In use: listed to its creator as theirs and, when shared, to the workspace.</summary>
    Active = 1,
}
