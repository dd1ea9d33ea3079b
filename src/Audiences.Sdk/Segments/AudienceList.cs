namespace Audiences.Sdk.Segments;

/// <summary>The audience lists a user sees.</summary>
/// <remarks>
/// Every audience of the workspace, whoever created it and whatever its status or visibility, is listed by
/// <see cref="IAudienceService.ListAsync(CancellationToken)"/>: that view belongs to no user, so it is not one of these lists.
/// </remarks>
public enum AudienceList
{
    /// <summary>The user's own active audiences.</summary>
    Mine = 0,

    /// <summary>Active audiences of other users shared with the workspace.</summary>
    Others = 1,

    /// <summary>The user's own drafts.</summary>
    Drafts = 2,
}
