using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.Storage;

/// <summary>
/// What the filtered store reads (<see cref="IProfileQueryStore.CountProfilesAsync(BoundFilter, CancellationToken)"/>
/// and <see cref="IProfileQueryStore.ListProfilesAsync(BoundFilter, Profiles.ProfileId?, int?, CancellationToken)"/>)
/// accept, checked the same way by every store so that they all refuse the same filters with the same message.
/// </summary>
/// <remarks>
/// Stores evaluate conditions on the profile's own current values. A linked entity's fields
/// (<c>company.employee_count</c> from a person) and related-record quantifiers
/// (<c>opportunities.any(...)</c>) need the owner resolution of related records and company links,
/// which the store contract does not push down yet; they are refused rather than answered wrongly.
/// </remarks>
public static class FilterPushdown
{
    /// <summary>Whether a store can evaluate <paramref name="filter"/>: it reads only the profile's own fields.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    public static bool CanPushDown(BoundFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return !filter.ReadsLinkedEntity && !filter.ReadsRelatedRecords;
    }

    /// <summary>Throws when a store cannot evaluate <paramref name="filter"/>; returns otherwise.</summary>
    /// <param name="filter">The bound filter a store is asked to evaluate.</param>
    /// <param name="limit">The page size asked for, when any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    /// <exception cref="NotSupportedException">
    /// The filter reads a linked entity's field or quantifies over related records; the message names the part.
    /// </exception>
    public static void Validate(BoundFilter filter, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (limit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "A page holds at least one profile; pass null for no limit.");
        }

        Check(filter.Filter);
    }

    private static void Check(Filter filter)
    {
        switch (filter)
        {
            case Condition { Field.Entity: { } entity } condition:
                throw new NotSupportedException(
                    $"Stores evaluate conditions on a profile's own fields; '{condition.Field.Path}' reads the linked {entity}, "
                    + "which filtered store reads do not support yet. Filter the linked profiles separately, or use FilterEvaluator "
                    + "over FilterRecord.FromProfile(profile, company: ...).");
            case RelatedFilter related:
                throw new NotSupportedException(
                    $"Stores evaluate conditions on a profile's own fields; '{related.Collection}.{related.Quantifier.ToString().ToLowerInvariant()}(...)' "
                    + "quantifies over related records, which filtered store reads do not support yet. Use FilterEvaluator over "
                    + "FilterRecord.FromProfile(profile, related: ...).");
            case FilterGroup group:
                foreach (var inner in group.Filters)
                {
                    Check(inner);
                }

                break;
            case NotFilter not:
                Check(not.Operand);
                break;
        }
    }
}
