using Audiences.Sdk.Filtering;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

/// <summary>A profile service that fails the test when it is used at all.</summary>
internal sealed class UnusableProfileService : IProfileService
{
    public Task<ImportResult> ImportAsync(IAsyncEnumerable<SourceRow> rows, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) => throw Used();

    public Task<ImportResult> UpsertAsync(IEnumerable<SourceRecord> records, ImportOptions options, CancellationToken cancellationToken = default) => throw Used();

    public Task<ImportResult> ImportRelatedAsync(IAsyncEnumerable<RelatedRecord> records, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<Profile?> FindProfileAsync(EntityKind kind, string aliasField, string value, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default) => throw Used();

    public IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<long> CountAsync(EntityKind kind, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<FilterCatalog> GetFilterCatalogAsync(CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<BoundFilter> BindFilterAsync(EntityKind kind, string filterText, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<long> CountAsync(EntityKind kind, string filterText, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<long> CountAsync(BoundFilter filter, CancellationToken cancellationToken = default) => throw Used();

    public IAsyncEnumerable<Profile> ListProfilesAsync(BoundFilter filter, ProfileId? afterId = null, int? limit = null, CancellationToken cancellationToken = default) =>
        throw Used();

    public IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default) => throw Used();

    public IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default) => throw Used();

    public IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = ReviewStatus.Pending, CancellationToken cancellationToken = default) => throw Used();

    public Task<MatchReview> AcceptReviewAsync(long reviewId, CancellationToken cancellationToken = default) => throw Used();

    public Task<MatchReview> RejectReviewAsync(long reviewId, CancellationToken cancellationToken = default) => throw Used();

    public Task<SplitRecord> UndoMergeAsync(ProfileId mergedId, CancellationToken cancellationToken = default) => throw Used();

    public Task<Profile> LockFieldAsync(ProfileId id, string field, FieldValue? value = null, CancellationToken cancellationToken = default) => throw Used();

    public Task<Profile> UnlockFieldAsync(ProfileId id, string field, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<MatchExplanation?> ExplainAsync(ProfileId id, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<IReadOnlyList<MatchLink>?> ExplainMatchAsync(SourceRecordKey first, SourceRecordKey second, CancellationToken cancellationToken = default) =>
        throw Used();

    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) => throw Used();

    public ValueTask<Profile?> GetCompanyAsync(ProfileId personId, CancellationToken cancellationToken = default) => throw Used();

    public IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(ProfileId id, string? type = null, CancellationToken cancellationToken = default) => throw Used();

    private static InvalidOperationException Used() => new("The profile service must not be used.");
}
