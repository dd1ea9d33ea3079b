using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The column tables of a store (people and companies), brought up to date lazily: a commit only
/// notes which profile ids it changed, and the tables apply those changes from the committed
/// profiles when a filter next reads them. An import of many batches then costs one bulk build on
/// the first filter instead of column maintenance on every commit.
/// </summary>
/// <remarks>
/// Not thread-safe: every call is made under the store's lock, so a filter sees exactly the
/// committed profiles (the catch-up reads them, never a session's overlay).
/// </remarks>
internal sealed class ColumnTables
{
    private readonly ColumnTable _people = new();
    private readonly ColumnTable _companies = new();

    // Ids at or below _builtThrough are in the tables unless listed in _changed; ids above it up to
    // _highest are new since the last catch-up (ids grow with creation, so they are appended in order).
    private List<long> _changed = [];
    private long _builtThrough;
    private long _highest;

    /// <summary>Notes that a commit created, replaced or removed the profile with this id.</summary>
    public void Changed(long id)
    {
        if (id > _builtThrough)
        {
            _highest = Math.Max(_highest, id);
        }
        else
        {
            _changed.Add(id);
        }
    }

    /// <summary>The table of a kind, first brought up to date with <paramref name="profiles"/> (the committed profiles).</summary>
    public ColumnTable For(EntityKind kind, Dictionary<long, Profile> profiles)
    {
        _people.Profiles = profiles;
        _companies.Profiles = profiles;
        if (_changed.Count > 0 || _highest > _builtThrough)
        {
            CatchUp(profiles);
        }

        return kind == EntityKind.Person ? _people : _companies;
    }

    private void CatchUp(Dictionary<long, Profile> profiles)
    {
        if (_changed.Count > 0)
        {
            // Oldest first, each once: a profile changed by several commits is read once, as it is now.
            _changed.Sort();
            long previous = 0;
            foreach (var id in _changed)
            {
                if (id != previous)
                {
                    Refresh(id, profiles);
                    previous = id;
                }
            }

            // Keep a small list for the next commits; let a large one go.
            if (_changed.Capacity > 4096)
            {
                _changed = [];
            }
            else
            {
                _changed.Clear();
            }
        }

        if (_highest > _builtThrough)
        {
            AppendNew(profiles);
            _builtThrough = _highest;
        }

        _people.Settle();
        _companies.Settle();
    }

    /// <summary>Re-reads a profile the tables may already hold.</summary>
    private void Refresh(long id, Dictionary<long, Profile> profiles)
    {
        if (profiles.TryGetValue(id, out var profile))
        {
            Table(profile.Kind).Upsert(profile);
            Table(profile.Kind == EntityKind.Person ? EntityKind.Company : EntityKind.Person).Remove(id);
        }
        else
        {
            _ = _people.Remove(id) || _companies.Remove(id);
        }
    }

    /// <summary>Appends the profiles created since the last catch-up, in id order, after sizing each table once.</summary>
    private void AppendNew(Dictionary<long, Profile> profiles)
    {
        var span = _highest - _builtThrough;
        if (span > 2L * profiles.Count)
        {
            // Ids are sparse (never the case for ids the store hands out): visit the profiles instead.
            var ids = profiles.Keys.Where(id => id > _builtThrough && id <= _highest).Order();
            foreach (var id in ids)
            {
                var profile = profiles[id];
                Table(profile.Kind).Append(profile);
            }

            return;
        }

        int people = 0, companies = 0;
        for (var id = _builtThrough + 1; id <= _highest; id++)
        {
            if (profiles.TryGetValue(id, out var profile))
            {
                _ = profile.Kind == EntityKind.Person ? people++ : companies++;
            }
        }

        _people.Reserve(people);
        _companies.Reserve(companies);
        for (var id = _builtThrough + 1; id <= _highest; id++)
        {
            if (profiles.TryGetValue(id, out var profile))
            {
                Table(profile.Kind).Append(profile);
            }
        }
    }

    private ColumnTable Table(EntityKind kind) => kind == EntityKind.Person ? _people : _companies;
}
