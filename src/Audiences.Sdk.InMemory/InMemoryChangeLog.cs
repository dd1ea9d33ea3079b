using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory;

/// <summary>
/// The version-ordered log of profile changes behind <see cref="InMemoryChangeFeed.ListChangedProfilesAsync"/>:
/// one entry per committed profile write or retirement, so "changed since X" is a binary search and a
/// walk over the changes, never a scan of every profile. Guarded by the store's lock.
/// </summary>
/// <remarks>
/// Superseded entries (an id written again later) are dropped once they outnumber the live ones, so the
/// log holds at most about two entries per id ever stored (24 bytes each, plus 16 per id for the index).
/// </remarks>
internal sealed class InMemoryChangeLog
{
    private const int MinimumBeforeCompaction = 4_096;

    private readonly Dictionary<long, long> _latest = [];
    private List<Entry> _entries = [];

    /// <summary>Appends one committed session's changes; their versions are above every earlier session's.</summary>
    public void Append(List<Entry> changes)
    {
        changes.Sort(static (a, b) => a.Version != b.Version ? a.Version.CompareTo(b.Version) : a.Id.CompareTo(b.Id));
        foreach (var change in changes)
        {
            _entries.Add(change);
            _latest[change.Id] = change.Version;
        }

        if (_entries.Count > MinimumBeforeCompaction && _entries.Count > 2 * _latest.Count)
        {
            _entries = _entries.Where(e => _latest[e.Id] == e.Version).DistinctBy(e => e.Id).ToList();
        }
    }

    /// <summary>The last change of each id changed after <paramref name="sinceVersion"/>, in version order.</summary>
    public List<Entry> Since(long sinceVersion)
    {
        var low = 0;
        var high = _entries.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_entries[middle].Version <= sinceVersion)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        var result = new List<Entry>(_entries.Count - low);
        var seen = new HashSet<long>();
        for (var i = low; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (_latest[entry.Id] == entry.Version && seen.Add(entry.Id))
            {
                result.Add(entry);
            }
        }

        return result;
    }

    /// <summary>One change: the id, its kind and the change version.</summary>
    public readonly record struct Entry(long Version, long Id, EntityKind Kind);
}
