using System.Runtime.CompilerServices;
using Audiences.Sdk.Diagnostics;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Filtering.Execution;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk;

/// <summary>The default <see cref="IProfileService"/> over a store's contracts.</summary>
internal sealed class ProfileService : IProfileService
{
    private readonly StoreContracts _contracts;
    private readonly IProfileStore _store;
    private readonly AudiencesOptions _options;
    private readonly AliasNormalizer _normalizer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FilterExecutor _executor;
    private readonly ImportSettings _import;

    public ProfileService(StoreContracts contracts, IOptions<AudiencesOptions> options, TimeProvider? time = null, ILogger<ProfileService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(options);
        _contracts = contracts;
        _store = contracts.Profiles;
        _options = options.Value;
        _normalizer = new AliasNormalizer(_options.GuardRails, _options.DefaultPhoneRegion);
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _executor = new FilterExecutor(contracts, _normalizer, _time);
        _import = new ImportSettings(_options.ImportBatchSize, _options.MaxReportedErrors, _options.GuardRails, _options.Survivorship);
    }

    /// <inheritdoc />
    public Task<ImportResult> ImportAsync(
        IAsyncEnumerable<SourceRow> rows, ImportOptions options, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new ProfileImporter(_contracts, _import, _normalizer, _time, _logger).ImportAsync(rows, options, progress, cancellationToken);

    /// <inheritdoc />
    public Task<ImportResult> UpsertAsync(IEnumerable<SourceRecord> records, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var rows = records.Select(r => SourceRow.Of(r ?? throw new ArgumentException("The records contain null.", nameof(records)))).ToAsyncEnumerable();
        return ImportAsync(rows, options, null, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ImportResult> ImportRelatedAsync(IAsyncEnumerable<RelatedRecord> records, CancellationToken cancellationToken = default) =>
        new RelatedRecordImporter(_contracts, _import, _normalizer, _logger).ImportAsync(records, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Profile?> GetProfileAsync(ProfileId id, CancellationToken cancellationToken = default) =>
        _store.GetProfileAsync(id, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Profile?> FindProfileAsync(EntityKind kind, string aliasField, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aliasField);
        var normalized = _normalizer.Normalize(aliasField, value);
        return normalized.IsValid
            ? _store.FindByAliasAsync(kind, new AliasKey(aliasField, normalized.Value!), cancellationToken)
            : ValueTask.FromResult<Profile?>(null);
    }

    /// <inheritdoc />
    public ValueTask<Profile?> FindBySourceRecordAsync(SourceRecordKey key, CancellationToken cancellationToken = default)
    {
        key.EnsureValid();
        return _store.FindBySourceRecordAsync(key, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Profile> ListProfilesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _store.ListProfilesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public ValueTask<long> CountAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _store.CountProfilesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<FilterCatalog> GetFilterCatalogAsync(CancellationToken cancellationToken = default)
    {
        var people = await _contracts.Catalog.GetFieldsAsync(EntityKind.Person, cancellationToken).ConfigureAwait(false);
        var companies = await _contracts.Catalog.GetFieldsAsync(EntityKind.Company, cancellationToken).ConfigureAwait(false);
        return new FilterCatalog([.. people, .. companies], _options.RelatedRecordTypes);
    }

    /// <inheritdoc />
    public async ValueTask<BoundFilter> BindFilterAsync(EntityKind kind, string filterText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filterText);
        var catalog = await GetFilterCatalogAsync(cancellationToken).ConfigureAwait(false);
        return FilterParser.Parse(filterText, kind, catalog);
    }

    /// <inheritdoc />
    public async ValueTask<long> CountAsync(EntityKind kind, string filterText, CancellationToken cancellationToken = default)
    {
        var filter = await BindFilterAsync(kind, filterText, cancellationToken).ConfigureAwait(false);
        return await CountAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<long> CountAsync(BoundFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return FilterPushdown.CanPushDown(filter)
            ? _contracts.Queries.CountProfilesAsync(filter, cancellationToken)
            : CountByEvaluationAsync(filter, cancellationToken);
    }

    private async ValueTask<long> CountByEvaluationAsync(BoundFilter filter, CancellationToken cancellationToken) =>
        (await _executor.MatchAsync(filter, cancellationToken).ConfigureAwait(false)).Count;

    /// <inheritdoc />
    public IAsyncEnumerable<Profile> ListProfilesAsync(
        BoundFilter filter, ProfileId? afterId = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A page holds at least one profile; pass null for no limit.");
        }

        return FilterPushdown.CanPushDown(filter)
            ? _contracts.Queries.ListProfilesAsync(filter, afterId, limit, cancellationToken)
            : EvaluateAsync(filter, afterId, limit, cancellationToken);
    }

    /// <summary>
    /// What stores do not evaluate (a linked company's fields, related-record quantifiers): the matching ids
    /// from the <see cref="FilterExecutor"/>, then the profiles of the page read by id.
    /// </summary>
    private async IAsyncEnumerable<Profile> EvaluateAsync(
        BoundFilter filter, ProfileId? afterId, int? limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var matches = await _executor.MatchAsync(filter, cancellationToken).ConfigureAwait(false);
        var yielded = 0;
        foreach (var id in matches.Ascending(afterId?.Value ?? -1))
        {
            // A profile merged away since the ids were read is skipped; its survivor is listed under its own id.
            if (await _store.GetProfileAsync(new ProfileId(id), cancellationToken).ConfigureAwait(false) is { } profile && profile.Id.Value == id)
            {
                yield return profile;
                if (++yielded == limit)
                {
                    yield break;
                }
            }
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MergeRecord> ListMergesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _contracts.Ledger.ListMergesAsync(kind, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<SplitRecord> ListSplitsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _contracts.Ledger.ListSplitsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public async Task<SplitRecord> UndoMergeAsync(ProfileId mergedId, CancellationToken cancellationToken = default)
    {
        var split = await new MergeUndoer(_contracts, _options.Survivorship, _time).UndoAsync(mergedId, cancellationToken).ConfigureAwait(false);
        ProfileLog.MergeUndone(_logger, split.RestoredId.Value, split.SurvivorId.Value, split.RestoredRecords.Count);
        return split;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<MatchReview> ListReviewsAsync(EntityKind kind, ReviewStatus? status = ReviewStatus.Pending, CancellationToken cancellationToken = default) =>
        _contracts.Reviews.ListReviewsAsync(kind, status, cancellationToken);

    /// <inheritdoc />
    public Task<MatchReview> AcceptReviewAsync(long reviewId, CancellationToken cancellationToken = default) =>
        new ReviewDecider(_contracts, _options.Survivorship, _time).DecideAsync(reviewId, accept: true, cancellationToken);

    /// <inheritdoc />
    public Task<MatchReview> RejectReviewAsync(long reviewId, CancellationToken cancellationToken = default) =>
        new ReviewDecider(_contracts, _options.Survivorship, _time).DecideAsync(reviewId, accept: false, cancellationToken);

    /// <inheritdoc />
    public Task<Profile> LockFieldAsync(ProfileId id, string field, FieldValue? value = null, CancellationToken cancellationToken = default) =>
        new FieldLocker(_contracts, _options.Survivorship, _time).LockAsync(id, field, value, cancellationToken);

    /// <inheritdoc />
    public Task<Profile> UnlockFieldAsync(ProfileId id, string field, CancellationToken cancellationToken = default) =>
        new FieldLocker(_contracts, _options.Survivorship, _time).UnlockAsync(id, field, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<MatchExplanation?> ExplainAsync(ProfileId id, CancellationToken cancellationToken = default)
    {
        var profile = await _store.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return null;
        }

        var merges = new List<MergeRecord>();
        await foreach (var merge in _contracts.Ledger.ListMergesAsync(profile.Kind, cancellationToken).ConfigureAwait(false))
        {
            if (await _store.ResolveAsync(merge.SurvivorId, cancellationToken).ConfigureAwait(false) == profile.Id)
            {
                merges.Add(merge);
            }
        }

        return new MatchExplanation(profile, MatchExplainer.SpanningLinks(profile), merges);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<MatchLink>?> ExplainMatchAsync(
        SourceRecordKey first, SourceRecordKey second, CancellationToken cancellationToken = default)
    {
        var profile = await _store.FindBySourceRecordAsync(first, cancellationToken).ConfigureAwait(false);
        return profile is not null && profile.Sources.Any(s => s.Key == second)
            ? MatchExplainer.Chain(profile, first, second)
            : null;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FieldDefinition>> GetFieldsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _contracts.Catalog.GetFieldsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FieldStatistics>> GetFieldStatisticsAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _contracts.Catalog.GetFieldStatisticsAsync(kind, cancellationToken);

    /// <inheritdoc />
    public async ValueTask<Profile?> GetCompanyAsync(ProfileId personId, CancellationToken cancellationToken = default)
    {
        var person = await _store.GetProfileAsync(personId, cancellationToken).ConfigureAwait(false);
        if (person is null || person.Kind != EntityKind.Person)
        {
            return null;
        }

        foreach (var reference in CompanyReference.Of(person, _normalizer))
        {
            var company = reference.Account is { } account
                ? await _store.FindBySourceRecordAsync(account, cancellationToken).ConfigureAwait(false)
                : await _store.FindByAliasAsync(EntityKind.Company, new AliasKey(AliasFields.Domain, reference.Domain!), cancellationToken).ConfigureAwait(false);
            if (company is { Kind: EntityKind.Company })
            {
                return company;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RelatedRecord> ListRelatedRecordsAsync(
        ProfileId id, string? type = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var profile = await _store.GetProfileAsync(id, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            yield break;
        }

        var keys = profile.Sources.Select(s => s.Key).ToArray();
        await foreach (var record in _contracts.Related.ListRelatedRecordsAsync(profile.Kind, keys, profile.Aliases.ToArray(), cancellationToken).ConfigureAwait(false))
        {
            if (type is null || string.Equals(record.Type, type, StringComparison.Ordinal))
            {
                yield return record;
            }
        }
    }
}
