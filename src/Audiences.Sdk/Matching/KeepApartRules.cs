using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Matching;

/// <summary>
/// Pairs of record sets that must never end in one profile: the two sides of every undone merge
/// (and of every pair a reviewer rejected). Matching consults them before it merges profiles, so
/// an undo sticks when the same records are imported again.
/// </summary>
internal sealed class KeepApartRules
{
    private readonly Dictionary<SourceRecordKey, List<(int Rule, bool Left)>> _sides = [];
    private readonly List<string> _reasons = [];

    /// <summary>True when there is nothing to keep apart (the common case: no check is needed).</summary>
    public bool IsEmpty => _reasons.Count == 0;

    /// <summary>Reads the split ledger of a kind.</summary>
    public static async ValueTask<KeepApartRules> LoadAsync(IMergeLedger ledger, EntityKind kind, CancellationToken cancellationToken)
    {
        var rules = new KeepApartRules();
        await foreach (var split in ledger.ListSplitsAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            rules.Add(split.RestoredRecords, split.RemainingRecords, $"the undo of merge version {split.MergeVersion} keeps profile {split.RestoredId} apart from profile {split.SurvivorId}");
        }

        return rules;
    }

    /// <summary>Adds a rule: no profile may hold a record of <paramref name="left"/> and one of <paramref name="right"/>.</summary>
    public void Add(IEnumerable<SourceRecordKey> left, IEnumerable<SourceRecordKey> right, string reason)
    {
        var rule = _reasons.Count;
        _reasons.Add(reason);
        Tag(left, rule, isLeft: true);
        Tag(right, rule, isLeft: false);
    }

    /// <summary>Why the two record sets must stay apart, or null when they may be merged.</summary>
    public string? Conflict(IEnumerable<StoredSourceRecord> first, IEnumerable<StoredSourceRecord> second)
    {
        HashSet<(int Rule, bool Left)>? firstSides = null;
        foreach (var source in first)
        {
            if (_sides.TryGetValue(source.Key, out var sides))
            {
                firstSides ??= [];
                firstSides.UnionWith(sides);
            }
        }

        if (firstSides is null)
        {
            return null;
        }

        foreach (var source in second)
        {
            if (_sides.TryGetValue(source.Key, out var sides))
            {
                foreach (var (rule, left) in sides)
                {
                    if (firstSides.Contains((rule, !left)))
                    {
                        return _reasons[rule];
                    }
                }
            }
        }

        return null;
    }

    private void Tag(IEnumerable<SourceRecordKey> keys, int rule, bool isLeft)
    {
        foreach (var key in keys)
        {
            if (!_sides.TryGetValue(key, out var sides))
            {
                _sides[key] = sides = [];
            }

            sides.Add((rule, isLeft));
        }
    }
}
