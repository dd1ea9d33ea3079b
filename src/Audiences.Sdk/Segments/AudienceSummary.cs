namespace Audiences.Sdk.Segments;

/// <summary>An audience as listed: the audience (with its creator) and its record count.</summary>
/// <param name="Audience">The audience.</param>
/// <param name="Count">The records in its active set (archived records are not counted).</param>
public sealed record AudienceSummary(Audience Audience, long Count);
