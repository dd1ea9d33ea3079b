namespace Audiences.Sdk.DataHub;

/// <summary>An audience an enrichment or a signal covers.</summary>
/// <param name="Id">The audience's id.</param>
/// <param name="Name">The audience's name, or null when no audience has the id any more.</param>
public sealed record DataHubAudience(long Id, string? Name);
