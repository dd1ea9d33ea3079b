using System.Diagnostics;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Scale;

/// <summary>A store that hands out <see cref="TimedWriteSession"/>s and times the reads an import makes.</summary>
internal sealed class TimedProfileStore(IProfileStore inner, StageTimes times) : IProfileStore
{
    public IProfileStore Inner => inner;

    public async ValueTask<IProfileWriteSession> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var session = await inner.BeginWriteAsync(cancellationToken);
        times.Add("BeginWrite", started);
        return new TimedWriteSession(session, times);
    }

    public async ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var fields = await inner.GetFieldsAsync(kind, cancellationToken);
        times.Add("GetFields", started);
        return fields;
    }

    public ValueTask<ProfileId?> ResolveAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        inner.ResolveAsync(id, cancellationToken);

    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        inner.GetProfileAsync(id, cancellationToken);

    public ValueTask<Profile?> FindByAliasAsync(EntityKind kind, AliasKey aliasKey, CancellationToken cancellationToken = default) =>
        inner.FindByAliasAsync(kind, aliasKey, cancellationToken);

    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) =>
        inner.FindBySourceRecordAsync(key, cancellationToken);

    public IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        inner.ListProfilesAsync(kind, cancellationToken);

    public ValueTask<long> CountProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        inner.CountProfilesAsync(kind, cancellationToken);

    public IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        inner.ListMergesAsync(kind, cancellationToken);

    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        inner.GetFieldStatisticsAsync(kind, cancellationToken);

    public IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        EntityKind ownerKind,
        IReadOnlyCollection<SourceRecordKey> ownerRecords,
        IReadOnlyCollection<AliasKey> ownerAliases,
        CancellationToken cancellationToken = default) =>
        inner.ListRelatedRecordsAsync(ownerKind, ownerRecords, ownerAliases, cancellationToken);

    public ValueTask<long> GetLastVersionAsync(CancellationToken cancellationToken = default) =>
        inner.GetLastVersionAsync(cancellationToken);
}
