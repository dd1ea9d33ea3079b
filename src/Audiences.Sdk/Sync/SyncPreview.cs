using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Sync;

/// <summary>The first records of a source as a definition would import them, and what would go wrong.</summary>
/// <param name="Mapping">The mapping in effect for every source field (explicit or proposed).</param>
/// <param name="Records">The records as they would land, keyed and typed.</param>
/// <param name="Warnings">Problems found, each naming the field or record and what to do.</param>
public sealed record SyncPreview(IReadOnlyList<MappingProposal> Mapping, IReadOnlyList<SourceRecord> Records, IReadOnlyList<string> Warnings);
