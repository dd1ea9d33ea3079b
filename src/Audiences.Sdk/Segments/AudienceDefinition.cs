using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>What a new audience is: its name, the kind it selects and who creates it; the criteria are given beside it.</summary>
/// <param name="Name">A name not yet used in the workspace (case is ignored when comparing).</param>
/// <param name="Kind">The kind of profiles the audience selects.</param>
/// <param name="CreatedBy">The creating user.</param>
public sealed record AudienceDefinition(string Name, EntityKind Kind, string CreatedBy)
{
    /// <summary>Draft (the default) or active.</summary>
    public AudienceStatus Status { get; init; } = AudienceStatus.Draft;

    /// <summary>Shared with the workspace (the default) or private.</summary>
    public AudienceVisibility Visibility { get; init; } = AudienceVisibility.Workspace;
}
