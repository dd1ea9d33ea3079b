using System.Collections.Concurrent;
using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Filtering.Execution;

/// <summary>
/// Evaluates any bound filter over a store, including what stores do not evaluate themselves: a linked
/// company's fields and related-record quantifiers. The parts a store can evaluate are pushed down to it
/// (regrouped so that each group costs one query, and <c>company.x</c> parts are run as company filters);
/// the rest is answered in bulk — every person's company resolved at once, every related record of a type
/// read once — and the parts are combined as sets of ids. The result equals <see cref="FilterEvaluator"/>
/// applied to each profile with its company and related records.
/// </summary>
/// <remarks>
/// The company of every person and the owners of related records are indexed once per store version and
/// kept until the store changes, so repeated filters over an unchanged store pay only for their own parts.
/// Thread-safe.
/// </remarks>
internal sealed class FilterExecutor(StoreContracts store, AliasNormalizer normalizer, TimeProvider time)
{
    private static readonly FilterRecord NoCompany = new(new Dictionary<string, FieldValue>());

    private readonly ConcurrentDictionary<string, (long Version, object Value)> _indexes = new(StringComparer.Ordinal);

    /// <summary>The ids of the live profiles of <see cref="BoundFilter.Kind"/> that match the filter.</summary>
    public async Task<ProfileIdSet> MatchAsync(BoundFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var run = new Run(filter, await store.Changes.GetLastVersionAsync(cancellationToken).ConfigureAwait(false), time.GetUtcNow());
        return await EvaluateAsync(filter.Filter, run, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ProfileIdSet> EvaluateAsync(Filter node, Run run, CancellationToken cancellationToken)
    {
        switch (ShapeOf(node))
        {
            case Shape.Own:
                return await StoreMatchesAsync(run.Filter.Part(node, run.Filter.Kind), cancellationToken).ConfigureAwait(false);
            case Shape.Linked:
                return await LinkedAsync(node, run, cancellationToken).ConfigureAwait(false);
        }

        switch (node)
        {
            case RelatedFilter related:
                return await RelatedAsync(related, run, cancellationToken).ConfigureAwait(false);
            case NotFilter not:
                var all = await AllAsync(run, cancellationToken).ConfigureAwait(false);
                return all.Copy().ExceptWith(await EvaluateAsync(not.Operand, run, cancellationToken).ConfigureAwait(false));
            case FilterGroup group:
                return await GroupAsync(group, run, cancellationToken).ConfigureAwait(false);
            default:
                throw new ArgumentException($"Unknown filter node {node.GetType().Name}.", nameof(node));
        }
    }

    /// <summary>
    /// A group mixing kinds of parts: its own-field parts form one store query, its company parts one company
    /// query (a person has one company, so AND/OR over company conditions is AND/OR over that company), and
    /// each other part is evaluated on its own; the results are intersected or united.
    /// </summary>
    private async Task<ProfileIdSet> GroupAsync(FilterGroup group, Run run, CancellationToken cancellationToken)
    {
        var parts = new List<ProfileIdSet>();
        foreach (var shape in new[] { Shape.Own, Shape.Linked })
        {
            var alike = group.Filters.Where(f => ShapeOf(f) == shape).ToList();
            if (alike.Count > 0)
            {
                var part = alike.Count == 1 ? alike[0] : new FilterGroup(group.Operator, alike);
                parts.Add(await EvaluateAsync(part, run, cancellationToken).ConfigureAwait(false));
            }
        }

        foreach (var mixed in group.Filters.Where(f => ShapeOf(f) == Shape.Mixed))
        {
            parts.Add(await EvaluateAsync(mixed, run, cancellationToken).ConfigureAwait(false));
        }

        var result = parts[0];
        foreach (var part in parts.Skip(1))
        {
            _ = group.Operator == LogicalOperator.And ? result.IntersectWith(part) : result.UnionWith(part);
        }

        return result;
    }

    private async Task<ProfileIdSet> LinkedAsync(Filter node, Run run, CancellationToken cancellationToken)
    {
        if (FirstLinkedPath(node) is { Entity: var entity } path && entity != LinkedEntity.PersonCompany.Name)
        {
            throw new NotSupportedException($"'{path}' reads the linked '{entity}', which profiles do not resolve; only a person's company is linked.");
        }

        var links = await LinksAsync(run, cancellationToken).ConfigureAwait(false);
        var companies = await StoreMatchesAsync(run.Filter.Rebased(node, EntityKind.Company), cancellationToken).ConfigureAwait(false);

        // A person without a company reads every company field as empty, so `company.x is empty` holds for it.
        var withoutCompany = FilterEvaluator.Matches(node, NoCompany, run.Now);
        return links.PeopleOf(companies, withoutCompany);
    }

    private async Task<ProfileIdSet> RelatedAsync(RelatedFilter related, Run run, CancellationToken cancellationToken)
    {
        var owners = await OwnersAsync(run, cancellationToken).ConfigureAwait(false);
        var matching = new ProfileIdSet();
        var failing = new ProfileIdSet();
        await foreach (var record in store.Related.ListRelatedRecordsAsync(run.Filter.Kind, related.Collection, cancellationToken).ConfigureAwait(false))
        {
            var matches = FilterEvaluator.Matches(related.Filter, new FilterRecord(record.Values), run.Now);
            owners.AddOwners(record, matches ? matching : failing);
        }

        return related.Quantifier switch
        {
            Quantifier.Any => matching.IntersectWith(owners.All),
            Quantifier.All => owners.All.Copy().ExceptWith(failing),
            _ => owners.All.Copy().ExceptWith(matching),
        };
    }

    private async Task<ProfileIdSet> StoreMatchesAsync(BoundFilter filter, CancellationToken cancellationToken)
    {
        var ids = new ProfileIdSet();
        await foreach (var id in store.Queries.ListProfileIdsAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(id.Value);
        }

        return ids;
    }

    private async Task<ProfileIdSet> AllAsync(Run run, CancellationToken cancellationToken)
    {
        var kind = run.Filter.Kind;
        if (Cached<CompanyLinkMap>("links", run) is { } links && kind == EntityKind.Person)
        {
            return links.People;
        }

        if (Cached<OwnerIndex>($"owners:{kind}", run) is { } owners)
        {
            return owners.All;
        }

        return await IndexAsync($"all:{kind}", run, async () =>
        {
            var all = new ProfileIdSet();
            await foreach (var profile in store.Profiles.ListProfilesAsync(kind, cancellationToken).ConfigureAwait(false))
            {
                all.Add(profile.Id.Value);
            }

            return all;
        }).ConfigureAwait(false);
    }

    private Task<CompanyLinkMap> LinksAsync(Run run, CancellationToken cancellationToken)
    {
        if (run.Filter.Kind != EntityKind.Person)
        {
            throw new NotSupportedException($"Only a person's company can be read through a link; a {run.Filter.Kind.ToString().ToLowerInvariant()} filter has no linked entity.");
        }

        return IndexAsync("links", run, () => CompanyLinkMap.BuildAsync(store.Profiles, normalizer, cancellationToken));
    }

    private Task<OwnerIndex> OwnersAsync(Run run, CancellationToken cancellationToken) =>
        IndexAsync($"owners:{run.Filter.Kind}", run, () => OwnerIndex.BuildAsync(store.Profiles, run.Filter.Kind, cancellationToken));

    private T? Cached<T>(string name, Run run)
        where T : class =>
        _indexes.TryGetValue(name, out var entry) && entry.Version == run.Version ? (T)entry.Value : null;

    // Two callers may build the same index at once after a change; both results are equal and the last one stays.
    private async Task<T> IndexAsync<T>(string name, Run run, Func<Task<T>> build)
        where T : class
    {
        if (Cached<T>(name, run) is { } cached)
        {
            return cached;
        }

        var built = await build().ConfigureAwait(false);
        _indexes[name] = (run.Version, built);
        return built;
    }

    private static FieldPath? FirstLinkedPath(Filter node) => node switch
    {
        Condition condition => condition.Field,
        NotFilter not => FirstLinkedPath(not.Operand),
        FilterGroup group => group.Filters.Select(FirstLinkedPath).FirstOrDefault(p => p is not null),
        _ => null,
    };

    private static Shape ShapeOf(Filter node) => node switch
    {
        Condition condition => condition.Field.Entity is null ? Shape.Own : Shape.Linked,
        NotFilter not => ShapeOf(not.Operand),
        FilterGroup group => group.Filters.Select(ShapeOf).Distinct().ToList() is [var only] ? only : Shape.Mixed,
        _ => Shape.Mixed,
    };

    /// <summary>What a node reads: only the profile's own fields, only the linked company's, or anything else.</summary>
    private enum Shape
    {
        Own,
        Linked,
        Mixed,
    }

    /// <summary>One evaluation: the filter, the store version its indexes must match and the "now" all parts share.</summary>
    private sealed record Run(BoundFilter Filter, long Version, DateTimeOffset Now);
}
