using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Drafts;

/// <summary>Search results kept apart from the workspace's profiles until they are committed or discarded.</summary>
/// <param name="Id">The draft's id (0 before the store assigns it).</param>
/// <param name="Kind">People or companies.</param>
/// <param name="Provider">The search provider that found the records.</param>
/// <param name="Query">The search's filter text, or empty for any.</param>
/// <param name="CreatedAt">When the search ran.</param>
public sealed record Draft(long Id, EntityKind Kind, string Provider, string Query, DateTimeOffset CreatedAt)
{
    /// <summary>Open, committed or discarded.</summary>
    public DraftStatus Status { get; init; } = DraftStatus.Open;

    /// <summary>When it was committed or discarded.</summary>
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>How many records it holds.</summary>
    public int RecordCount { get; init; }
}
