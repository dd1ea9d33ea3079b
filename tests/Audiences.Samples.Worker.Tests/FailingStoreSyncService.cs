using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Samples.Worker.Tests;

/// <summary>A sync service whose store opens but then fails when a definition is written to it.</summary>
public sealed class FailingStoreSyncService : ISyncService
{
    public const string Failure = "disk I/O error";

    public ValueTask<IReadOnlyList<SyncDefinition>> ListAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<IReadOnlyList<SyncDefinition>>([]);

    public Task<SyncDefinition> SaveAsync(SyncDefinition definition, CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public ValueTask<SyncDefinition?> GetAsync(string name, CancellationToken cancellationToken = default) => ValueTask.FromResult<SyncDefinition?>(null);

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public Task<SyncRun> RunAsync(string name, SourceReadMode? mode = null, CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public IAsyncEnumerable<SyncRun> RunDueAsync(CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public Task<DateTimeOffset?> GetNextDueAsync(CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public Task<DateTimeOffset?> GetNextDueAsync(string name, CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public ValueTask<IReadOnlyList<SyncRun>> ListRunsAsync(string name, int limit = 20, CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public Task<IReadOnlyList<MappingProposal>> ProposeMappingAsync(SourceSettings source, string objectName, EntityKind kind, CancellationToken cancellationToken = default) => throw new IOException(Failure);

    public Task<SyncPreview> PreviewAsync(SyncDefinition definition, int rows = 10, CancellationToken cancellationToken = default) => throw new IOException(Failure);
}
