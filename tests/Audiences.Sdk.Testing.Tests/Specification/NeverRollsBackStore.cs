using Audiences.Sdk.InMemory;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>A store that breaks one rule: a session disposed without commit is committed anyway.</summary>
internal sealed class NeverRollsBackStore : IProfileStore
{
    private readonly InMemoryProfileStore _inner = new();

    public async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) =>
        new AutoCommitSession(await _inner.BeginWriteAsync(cancellationToken));

    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) => _inner.ResolveAsync(id, cancellationToken);

    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) => _inner.GetProfileAsync(id, cancellationToken);

    public ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        _inner.FindByAliasAsync(kind, aliasKey, cancellationToken);

    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        _inner.FindBySourceRecordAsync(key, cancellationToken);

    public IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _inner.ListProfilesAsync(kind, cancellationToken);

    public ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _inner.CountProfilesAsync(kind, cancellationToken);

    public IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _inner.ListMergesAsync(kind, cancellationToken);

    public ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _inner.GetFieldsAsync(kind, cancellationToken);

    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _inner.GetFieldStatisticsAsync(kind, cancellationToken);

    public IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind, IReadOnlyCollection<SourceRecordKey> ownerRecords, IReadOnlyCollection<AliasKey> ownerAliases, CancellationToken cancellationToken = default) =>
        _inner.ListRelatedRecordsAsync(ownerKind, ownerRecords, ownerAliases, cancellationToken);

    public ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) => _inner.GetLastVersionAsync(cancellationToken);

    private sealed class AutoCommitSession(IProfileWriteSession inner) : IProfileWriteSession
    {
        private bool _committed;

        public long LastVersion => inner.LastVersion;

        public ValueTask<ProfileId> AllocateProfileIdAsync(CancellationToken cancellationToken = default) => inner.AllocateProfileIdAsync(cancellationToken);

        public ValueTask<Profile?> LoadAsync(ProfileId id, CancellationToken cancellationToken = default) => inner.LoadAsync(id, cancellationToken);

        public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) => inner.ResolveAsync(id, cancellationToken);

        public ValueTask<ProfileId?> FindSourceRecordOwnerAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
            inner.FindSourceRecordOwnerAsync(key, cancellationToken);

        public ValueTask<IReadOnlyList<ProfileId>> FindAliasOwnersAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
            inner.FindAliasOwnersAsync(kind, aliasKey, cancellationToken);

        public ValueTask WriteProfileAsync(ProfileWrite write, CancellationToken cancellationToken = default) => inner.WriteProfileAsync(write, cancellationToken);

        public ValueTask RetireProfileAsync(ProfileId merged, ProfileId survivor, CancellationToken cancellationToken = default) =>
            inner.RetireProfileAsync(merged, survivor, cancellationToken);

        public ValueTask AppendMergeAsync(MergeRecord merge, CancellationToken cancellationToken = default) => inner.AppendMergeAsync(merge, cancellationToken);

        public ValueTask UpsertFieldAsync(FieldDefinition field, CancellationToken cancellationToken = default) => inner.UpsertFieldAsync(field, cancellationToken);

        public ValueTask UpsertRelatedRecordAsync(RelatedRecord record, CancellationToken cancellationToken = default) =>
            inner.UpsertRelatedRecordAsync(record, cancellationToken);

        public async ValueTask CommitAsync(CancellationToken cancellationToken = default)
        {
            _committed = true;
            await inner.CommitAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_committed)
            {
                await inner.CommitAsync();
            }

            await inner.DisposeAsync();
        }
    }
}
