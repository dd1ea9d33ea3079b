namespace Audiences.Sdk.Testing.Fakes.HubSpot;

/// <summary>A record the <see cref="HubSpotFake"/> holds: a contact, a company or a deal.</summary>
/// <param name="Id">Its id (HubSpot's <c>hs_object_id</c>).</param>
/// <param name="Properties">Its property values, all text as HubSpot keeps them.</param>
/// <param name="ModifiedAt">When it was last modified (its <c>lastmodifieddate</c> or <c>hs_lastmodifieddate</c>).</param>
public sealed record HubSpotFakeRecord(string Id, IReadOnlyDictionary<string, string> Properties, DateTimeOffset ModifiedAt)
{
    /// <summary>When it was archived (moved to the recycle bin), or null while it is not.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    /// <summary>Whether it is archived.</summary>
    public bool Archived => ArchivedAt is not null;
}
