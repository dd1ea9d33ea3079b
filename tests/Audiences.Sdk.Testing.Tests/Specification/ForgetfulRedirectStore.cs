using Audiences.Sdk.InMemory;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>A store that breaks one rule: a merged id no longer resolves to its survivor.</summary>
internal sealed class ForgetfulRedirectStore : IProfileStore
{
    private readonly InMemoryProfileStore _inner = new();

    public ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default) => _inner.BeginWriteAsync(cancellationToken);

    public async ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        await _inner.ResolveAsync(id, cancellationToken) == id ? id : null;

    public async ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        await _inner.GetProfileAsync(id, cancellationToken) is { } profile && profile.Id == id ? profile : null;

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
}
