using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Segments;

/// <summary>
/// The full evaluation of one audience over every profile of its kind: the seam where a store that
/// evaluates filters where the data lives (pushdown) replaces the reference scan.
/// </summary>
internal interface IAudienceScan
{
    /// <summary>Streams the live profiles that match the audience, in id order, with their versions.</summary>
    IAsyncEnumerable<(ProfileId Id, long Version)> MatchingAsync(CompiledAudience audience, CancellationToken cancellationToken);
}
