namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// A blocking rule: two records become a candidate pair only when every key of some rule agrees
/// exactly and is not empty. Rules keep the number of compared pairs near linear in the number of
/// records; a pair produced by several rules is compared once. Immutable and thread-safe.
/// </summary>
public sealed class BlockingRule
{
    /// <summary>Creates a rule from its keys.</summary>
    /// <param name="keys">The keys that must all agree; at least one.</param>
    /// <param name="anyOrder">
    /// Whether the keys' values are compared as a set rather than field by field, so records whose
    /// values sit in swapped fields (first name typed as surname) still meet; exact keys only.
    /// </param>
    /// <exception cref="ArgumentException">There is no key, a prefix key has a length below 1, or an any-order rule has a non-exact key.</exception>
    public BlockingRule(IEnumerable<BlockingKey> keys, bool anyOrder = false)
    {
        ArgumentNullException.ThrowIfNull(keys);
        BlockingKey[] list = [.. keys];
        if (list.Length == 0)
        {
            throw new ArgumentException("A blocking rule needs at least one key.", nameof(keys));
        }

        foreach (var key in list)
        {
            if (key.Kind == BlockingKeyKind.Prefix && key.Length < 1)
            {
                throw new ArgumentException($"Blocking key {key.Field}: a prefix needs a length of at least 1.", nameof(keys));
            }
        }

        if (anyOrder && list.Any(k => k.Kind != BlockingKeyKind.Exact))
        {
            throw new ArgumentException($"Blocking rule {string.Join(" & ", list)}: a rule in any order compares whole values; use exact keys only.", nameof(keys));
        }

        Keys = list;
        AnyOrder = anyOrder;
    }

    /// <summary>The keys that must all agree.</summary>
    public IReadOnlyList<BlockingKey> Keys { get; }

    /// <summary>Whether the keys' values are compared as a set (see the constructor).</summary>
    public bool AnyOrder { get; }

    /// <summary>A rule on fields whose values must agree as a set, in any order of the fields.</summary>
    /// <param name="fields">The fields; at least one.</param>
    /// <exception cref="ArgumentException">There is no field.</exception>
    public static BlockingRule InAnyOrder(params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new BlockingRule(fields.Select(f => new BlockingKey(f)), anyOrder: true);
    }

    /// <summary>A rule whose fields must all be exactly equal.</summary>
    /// <param name="fields">The fields; at least one.</param>
    /// <exception cref="ArgumentException">There is no field.</exception>
    public static BlockingRule On(params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new BlockingRule(fields.Select(f => new BlockingKey(f)));
    }

    /// <summary>
    /// The default rules for a set of comparisons: every pair of their fields compared exactly (a
    /// single field alone when there is only one); each email field alone (an email nearly
    /// identifies a person); each field and its swap field in any order (see <see cref="FuzzyComparison.SwapField"/>); and,
    /// when a table is given, each other field alone whose values are
    /// distinctive enough that blocking on it gives a record at most
    /// <paramref name="maxPartnersPerRecord"/> partners on average (a date of birth usually does, a
    /// city does not). Single-field rules find the pairs where only one field survived intact. An
    /// email's local part alone is not a default: local parts are made of names, so namesakes share
    /// them, which costs more precision than it gains recall (measured on Splink's fake_20000).
    /// </summary>
    /// <param name="comparisons">The comparisons of the model.</param>
    /// <param name="table">The table to be matched, whose value frequencies decide the single-field rules; null for none.</param>
    /// <param name="maxPartnersPerRecord">The largest mean number of other records sharing a record's value for a single-field rule.</param>
    internal static IReadOnlyList<BlockingRule> Defaults(IReadOnlyList<FuzzyComparison> comparisons, FuzzyRecordTable? table = null, double maxPartnersPerRecord = DefaultMaxPartnersPerRecord)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var fields = comparisons.Select(c => c.Field).Distinct(StringComparer.Ordinal).ToArray();
        var rules = new List<BlockingRule>();
        for (var i = 0; i < fields.Length; i++)
        {
            for (var j = i + 1; j < fields.Length; j++)
            {
                rules.Add(On(fields[i], fields[j]));
            }
        }

        foreach (var comparison in comparisons.DistinctBy(c => c.Field))
        {
            if (fields.Length == 1 || comparison.Kind == FuzzyComparisonKind.Email
                || (table is not null && MeanPartners(table, comparison.Field) <= maxPartnersPerRecord))
            {
                rules.Add(On(comparison.Field));
            }

            if (comparison.SwapField is { } swap && fields.Contains(swap, StringComparer.Ordinal)
                && !rules.Any(r => r.AnyOrder && r.Keys.Any(k => k.Field == swap) && r.Keys.Any(k => k.Field == comparison.Field)))
            {
                rules.Add(InAnyOrder(comparison.Field, swap));
            }
        }

        return rules;
    }

    /// <summary>The default of <see cref="Defaults"/>' partner budget for single-field rules: 20.</summary>
    public const double DefaultMaxPartnersPerRecord = 20;

    /// <summary>How many other records share a record's value of a field, on average over all records.</summary>
    private static double MeanPartners(FuzzyRecordTable table, string field)
    {
        var column = table.Column(table.FieldIndex(field));
        double partners = 0;
        foreach (var count in column.Counts)
        {
            partners += (double)count * (count - 1);
        }

        return partners / Math.Max(1, table.Count);
    }

    /// <summary>The rule in notation: <c>first_name &amp; surname</c>, or <c>{first_name, surname} in any order</c>.</summary>
    public override string ToString() => AnyOrder ? $"{{{string.Join(", ", Keys)}}} in any order" : string.Join(" & ", Keys);
}
