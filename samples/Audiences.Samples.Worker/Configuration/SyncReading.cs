using Audiences.Sdk.Sync;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>What reading one configured sync gave: its definition, or every problem found, each named by its configuration path.</summary>
/// <param name="Definition">The definition; null when there are problems.</param>
/// <param name="Problems">The problems; empty when the definition is usable.</param>
internal sealed record SyncReading(SyncDefinition? Definition, IReadOnlyList<string> Problems);
