using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite;

/// <summary>Profile reads, id resolution and write sessions of a <see cref="SqliteStore"/>; each read takes a pooled connection and one committed snapshot.</summary>
internal sealed class SqliteProfileStore(SqliteStore store) : IProfileStore
{
    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    /// <exception cref="IOException">The database stayed locked by another process for longer than the busy timeout, or is unusable.</exception>
    public ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        store.BeginWriteAsync(cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(scope => scope.Profiles.Resolve(id.Value) is { } live ? new ProfileId(live) : (ProfileId?)null, cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(scope => scope.Profiles.Resolve(id.Value) is { } live ? scope.Profiles.Load(live) : null, cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(
            scope => scope.Profiles.FindAliasOwners(kind, aliasKey, limit: 1) is [var owner] ? scope.Profiles.Load(owner.Value) : null,
            cancellationToken));

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(
            scope => scope.Profiles.FindSourceOwner(key) is { } owner && scope.Profiles.Resolve(owner) is { } live ? scope.Profiles.Load(live) : null,
            cancellationToken));

    /// <inheritdoc />
    /// <remarks>Profiles are read in pages of a few hundred, each from the snapshot committed when the page is read.</remarks>
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public async IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        long after = 0;
        while (true)
        {
            var page = store.Read(scope => ProfilePages.Read(scope, kind, after), cancellationToken);
            foreach (var profile in page)
            {
                yield return profile;
            }

            if (page.Count < ProfilePages.Size)
            {
                yield break;
            }

            after = page[^1].Id.Value;
        }
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The store is disposed.</exception>
    public ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(store.Read(scope => LedgerQueries.CountProfiles(scope, kind), cancellationToken));
}
