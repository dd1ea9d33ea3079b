using System.Collections.Concurrent;
using Audiences.Sdk.Diagnostics;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Audiences.Sdk.Segments;

/// <summary>The default <see cref="IAudienceService"/> over a profile store and an audience store.</summary>
internal sealed partial class AudienceService : IAudienceService
{
    private readonly StoreContracts _profiles;
    private readonly IAudienceStore _audiences;
    private readonly IProfileService _profileService;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly FilterEvaluator _evaluator;
    private readonly ProfileRecords _records;

    // Bound criteria by audience, kept while the audience's revision is unchanged. The catalog only
    // grows and a field's type never changes, so a binding stays valid.
    private readonly ConcurrentDictionary<long, CompiledAudience> _compiled = new();

    /// <summary>Creates the service. Hosts resolve it from <c>AddAudiences(...)</c>.</summary>
    /// <param name="profiles">The store's profile contracts.</param>
    /// <param name="audiences">The audience store (of the same workspace).</param>
    /// <param name="profileService">
    /// The profile service over <paramref name="profiles"/>: the filter catalog (with the related collections of
    /// <see cref="AudiencesOptions.RelatedRecordTypes"/>), full evaluations, a person's company and related records.
    /// </param>
    /// <param name="time">The clock for relative dates and feed times; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException">A store or the profile service is null.</exception>
    public AudienceService(
        StoreContracts profiles,
        IAudienceStore audiences,
        IProfileService profileService,
        TimeProvider? time = null,
        ILogger<AudienceService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(audiences);
        ArgumentNullException.ThrowIfNull(profileService);
        _profiles = profiles;
        _audiences = audiences;
        _profileService = profileService;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _evaluator = new FilterEvaluator(_time);
        _records = new ProfileRecords(profileService);
    }

    /// <inheritdoc />
    public Task<Audience> CreateAsync(AudienceDefinition definition, string filterText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(filterText);
        return CreateCoreAsync(definition, null, catalog => FilterParser.Parse(filterText, definition.Kind, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> CreateAsync(AudienceDefinition definition, Filter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(filter);
        return CreateCoreAsync(definition, null, catalog => FilterBinder.Bind(filter, definition.Kind, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> DeriveAsync(long parentId, string name, string createdBy, string conditionText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionText);
        return DeriveCoreAsync(
            parentId, parent => new AudienceDefinition(name, parent.Kind, createdBy), (parent, catalog) => BindCondition(parent, conditionText, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> DeriveAsync(long parentId, string name, string createdBy, Filter condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return DeriveCoreAsync(
            parentId, parent => new AudienceDefinition(name, parent.Kind, createdBy), (parent, catalog) => BindCondition(parent, condition, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> DeriveAsync(long parentId, AudienceDefinition definition, string conditionText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(conditionText);
        return DeriveCoreAsync(parentId, _ => definition, (parent, catalog) => BindCondition(parent, conditionText, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> DeriveAsync(long parentId, AudienceDefinition definition, Filter condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(condition);
        return DeriveCoreAsync(parentId, _ => definition, (parent, catalog) => BindCondition(parent, condition, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask<Audience?> GetAsync(long audienceId, CancellationToken cancellationToken = default) =>
        _audiences.GetAudienceAsync(audienceId, cancellationToken);

    /// <inheritdoc />
    public Task<Audience> RenameAsync(long audienceId, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return UpdateAsync(audienceId, name, null, a => a with { Name = name.Trim() }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> ChangeCriteriaAsync(long audienceId, string filterText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filterText);
        return ChangeCriteriaCoreAsync(audienceId, (kind, catalog) => FilterParser.Parse(filterText, kind, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> ChangeCriteriaAsync(long audienceId, Filter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ChangeCriteriaCoreAsync(audienceId, (kind, catalog) => FilterBinder.Bind(filter, kind, catalog), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Audience> ActivateAsync(long audienceId, CancellationToken cancellationToken = default) =>
        UpdateAsync(audienceId, null, null, a => a with { Status = AudienceStatus.Active }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AudienceSummary>> ListAsync(string user, AudienceList list, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var all = await _audiences.ListAudiencesAsync(cancellationToken).ConfigureAwait(false);
        var selected = all.Where(a => list switch
        {
            AudienceList.Mine => IsCreator(a, user) && a.Status == AudienceStatus.Active,
            AudienceList.Others => !IsCreator(a, user) && a.Status == AudienceStatus.Active && a.Visibility == AudienceVisibility.Workspace,
            AudienceList.Drafts => IsCreator(a, user) && a.Status == AudienceStatus.Draft,
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Use Mine, Others or Drafts."),
        });
        return await SummarizeAsync(selected, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AudienceSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await _audiences.ListAudiencesAsync(cancellationToken).ConfigureAwait(false);
        return await SummarizeAsync(all, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The audiences ordered by name (then id, should names ever tie), each with its active record count.</summary>
    private async Task<IReadOnlyList<AudienceSummary>> SummarizeAsync(IEnumerable<Audience> audiences, CancellationToken cancellationToken)
    {
        var summaries = new List<AudienceSummary>();
        foreach (var audience in audiences.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id))
        {
            var count = await _audiences.CountMembersAsync(audience.Id, MemberState.Active, cancellationToken).ConfigureAwait(false);
            summaries.Add(new AudienceSummary(audience, count));
        }

        return summaries;
    }

    /// <summary>Creates a child of an audience: the definition (made from the parent when the caller gave none) must select the parent's kind.</summary>
    private async Task<Audience> DeriveCoreAsync(
        long parentId, Func<Audience, AudienceDefinition> define, Func<Audience, IFilterCatalog, BoundFilter> bind, CancellationToken cancellationToken)
    {
        var parent = await RequireAsync(parentId, cancellationToken).ConfigureAwait(false);
        var definition = define(parent);
        EnsureKindOf(parent, definition);
        return await CreateCoreAsync(definition, parent.Id, catalog => bind(parent, catalog), cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureKindOf(Audience parent, AudienceDefinition definition)
    {
        if (definition.Kind != parent.Kind)
        {
            var kind = EntityKindText.Word(parent.Kind);
            throw new ArgumentException(
                $"Audience {parent.Id} '{parent.Name}' selects {kind} profiles, so an audience derived from it selects {kind} profiles too, "
                + $"but the definition is for {EntityKindText.Word(definition.Kind)} profiles. Give the definition the kind {kind}, "
                + "or create an audience of the other kind without a parent.",
                nameof(definition));
        }
    }

    private static BoundFilter BindCondition(Audience parent, string conditionText, IFilterCatalog catalog)
    {
        // Parsed and bound alone first, so an error's position is within the text given.
        var condition = FilterParser.Parse(conditionText, parent.Kind, catalog);
        return FilterBinder.Bind(Filter.And(parent.GetFilter(), condition.Filter), parent.Kind, catalog);
    }

    private static BoundFilter BindCondition(Audience parent, Filter condition, IFilterCatalog catalog) =>
        FilterBinder.Bind(Filter.And(parent.GetFilter(), condition), parent.Kind, catalog);

    private static bool IsCreator(Audience audience, string user) =>
        string.Equals(audience.CreatedBy, user.Trim(), StringComparison.Ordinal);

    private async Task<Audience> CreateCoreAsync(
        AudienceDefinition definition, long? parentId, Func<IFilterCatalog, BoundFilter> bind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Name, nameof(definition));
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.CreatedBy, nameof(definition));
        var bound = bind(await CatalogAsync(cancellationToken).ConfigureAwait(false));
        var session = await _audiences.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            await EnsureNameFreeAsync(definition.Name, null, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var audience = new Audience
            {
                Id = await session.AllocateAudienceIdAsync(cancellationToken).ConfigureAwait(false),
                Name = definition.Name.Trim(),
                Kind = definition.Kind,
                FilterJson = FilterJson.Serialize(bound.Filter),
                Status = definition.Status,
                Visibility = definition.Visibility,
                CreatedBy = definition.CreatedBy.Trim(),
                CreatedAt = now,
                UpdatedAt = now,
                ParentId = parentId,
                Revision = 1,
            };
            await session.SaveAudienceAsync(audience, cancellationToken).ConfigureAwait(false);
            var compiled = Remember(new CompiledAudience(audience, bound));
            var (entered, exited) = await EvaluateFullyAsync(session, compiled, cancellationToken).ConfigureAwait(false);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            AudienceLog.Evaluated(_logger, audience.Id, audience.Name, entered, exited);
            return audience;
        }
    }

    private async Task<Audience> ChangeCriteriaCoreAsync(long audienceId, Func<EntityKind, IFilterCatalog, BoundFilter> bind, CancellationToken cancellationToken)
    {
        var current = await RequireAsync(audienceId, cancellationToken).ConfigureAwait(false);
        var bound = bind(current.Kind, await CatalogAsync(cancellationToken).ConfigureAwait(false));
        return await UpdateAsync(audienceId, null, bound, a => a with { FilterJson = FilterJson.Serialize(bound.Filter) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Changes an audience in one session; with new criteria, evaluates it in full in the same session.</summary>
    private async Task<Audience> UpdateAsync(
        long audienceId, string? newName, BoundFilter? newCriteria, Func<Audience, Audience> change, CancellationToken cancellationToken)
    {
        var session = await _audiences.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var current = await session.GetAudienceAsync(audienceId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(audienceId);
            if (newName is not null)
            {
                await EnsureNameFreeAsync(newName, audienceId, cancellationToken).ConfigureAwait(false);
            }

            var updated = change(current) with { UpdatedAt = _time.GetUtcNow(), Revision = current.Revision + 1 };
            await session.SaveAudienceAsync(updated, cancellationToken).ConfigureAwait(false);
            if (newCriteria is not null)
            {
                var (entered, exited) = await EvaluateFullyAsync(session, Remember(new CompiledAudience(updated, newCriteria)), cancellationToken).ConfigureAwait(false);
                AudienceLog.Evaluated(_logger, updated.Id, updated.Name, entered, exited);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return updated;
        }
    }

    private async Task EnsureNameFreeAsync(string name, long? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var all = await _audiences.ListAudiencesAsync(cancellationToken).ConfigureAwait(false);
        if (all.FirstOrDefault(a => a.Id != exceptId && string.Equals(a.Name, trimmed, StringComparison.OrdinalIgnoreCase)) is { } taken)
        {
            throw new InvalidOperationException(
                $"An audience named '{taken.Name}' already exists (id {taken.Id}); audience names are unique in the workspace regardless of case. Choose another name.");
        }
    }

    private async Task<Audience> RequireAsync(long audienceId, CancellationToken cancellationToken) =>
        await _audiences.GetAudienceAsync(audienceId, cancellationToken).ConfigureAwait(false) ?? throw NotFound(audienceId);

    private static KeyNotFoundException NotFound(long audienceId) =>
        new($"There is no audience with id {audienceId}; it was never created or has been deleted.");

    private async Task<IFilterCatalog> CatalogAsync(CancellationToken cancellationToken) =>
        await _profileService.GetFilterCatalogAsync(cancellationToken).ConfigureAwait(false);

    private CompiledAudience Remember(CompiledAudience compiled)
    {
        _compiled[compiled.Audience.Id] = compiled;
        return compiled;
    }

    /// <summary>The bound criteria of an audience, bound again only when its definition changed since.</summary>
    private async Task<CompiledAudience> CompileAsync(Audience audience, CancellationToken cancellationToken)
    {
        if (_compiled.TryGetValue(audience.Id, out var cached) && cached.Audience.Revision == audience.Revision)
        {
            return cached;
        }

        var catalog = await CatalogAsync(cancellationToken).ConfigureAwait(false);
        return Remember(new CompiledAudience(audience, FilterBinder.Bind(audience.GetFilter(), audience.Kind, catalog)));
    }
}
