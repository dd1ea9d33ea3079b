using Audiences.Sdk.Import;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Sync;

/// <summary>What a sync run works with: the store's contracts, its sync state, the import settings, the clock.</summary>
internal sealed record SyncEnvironment(
    StoreContracts Store,
    ISyncDefinitionStore Definitions,
    ISyncStateStore State,
    ISourceRecordIndex Index,
    ImportSettings Import,
    AliasNormalizer Normalizer,
    SyncOptions Options,
    TimeProvider Time,
    ILogger Logger)
{
    /// <summary>An importer of profile records over the store.</summary>
    public ProfileImporter ProfileImporter() => new(Store, Import, Normalizer, Time, Logger);

    /// <summary>
    /// An importer of related records over the store that stores up to <paramref name="batchSize"/> records in one
    /// session: a sync passes its whole source batch, so the batch and its cursor commit together.
    /// </summary>
    public RelatedRecordImporter RelatedImporter(int batchSize) => new(Store, Import with { BatchSize = batchSize }, Normalizer, Logger);
}
