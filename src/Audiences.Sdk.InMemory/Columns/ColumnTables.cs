using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// The column tables of a store (people and companies), kept up to date by every commit: a commit
/// writes the profiles it created, replaced or removed into the columns before readers see it, so a
/// filter never pays a catch-up, however large the import before it.
/// </summary>
/// <remarks>
/// Not thread-safe: every call is made under the store's lock, so a filter sees exactly the
/// committed profiles (a session's overlay reaches the columns only when it commits).
/// </remarks>
internal sealed class ColumnTables
{
    private readonly ColumnTable _people;
    private readonly ColumnTable _companies;
    private long[] _order = [];

    public ColumnTables()
    {
        var shapes = new FieldShapes();
        _people = new ColumnTable(shapes);
        _companies = new ColumnTable(shapes);
    }

    /// <summary>The table of a kind.</summary>
    public ColumnTable For(EntityKind kind) => kind == EntityKind.Person ? _people : _companies;

    /// <summary>
    /// Writes a commit's profiles into the columns (a null profile was removed, merged away) and stores each in
    /// <paramref name="committed"/> as the columns keep it (its one source record compacted, see <see cref="ColumnTable.Upsert"/>).
    /// </summary>
    public void Apply(Dictionary<long, Profile?> profiles, Dictionary<long, Profile> committed)
    {
        if (profiles.Count == 0)
        {
            return;
        }

        // In id order, so new profiles (whose ids are larger than every id in the tables) append in order
        // and existing rows are found by binary search.
        if (_order.Length < profiles.Count)
        {
            _order = new long[Math.Max(profiles.Count, _order.Length * 2)];
        }

        profiles.Keys.CopyTo(_order, 0);
        var order = _order.AsSpan(0, profiles.Count);
        order.Sort();
        int people = 0, companies = 0;
        foreach (var profile in profiles.Values)
        {
            if (profile is not null)
            {
                _ = profile.Kind == EntityKind.Person ? people++ : companies++;
            }
        }

        _people.Reserve(people);
        _companies.Reserve(companies);
        foreach (var id in order)
        {
            var profile = profiles[id];
            if (profile is null)
            {
                _ = _people.Remove(id) || _companies.Remove(id);
            }
            else
            {
                committed[id] = For(profile.Kind).Upsert(profile);
                For(profile.Kind == EntityKind.Person ? EntityKind.Company : EntityKind.Person).Remove(id);
            }
        }

        _people.Settle();
        _companies.Settle();
    }
}
