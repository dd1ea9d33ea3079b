using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.Segments;

/// <summary>Settings of the <see cref="AudienceService"/>.</summary>
public sealed class AudienceOptions
{
    /// <summary>
    /// The related record collections criteria may quantify over (e.g. <c>opportunities.any(...)</c>);
    /// none by default. The field catalog of people and companies comes from the profile store.
    /// </summary>
    public IList<RelatedRecordType> RelatedRecordTypes { get; } = [];
}
