using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Reading;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Sqlite.Storage;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// Applies profile writes and retirements to the session's statements. The profile row keeps the
/// profile's alias list, so the alias table needs no second index: a retirement deletes exactly the
/// rows the list names.
/// </summary>
/// <remarks>
/// A new profile whose current values are exactly those its single source record gives (nearly
/// every new profile) stores no values of its own: they are derived from that record on read, so
/// they are encoded and written once instead of twice. Such a profile keeps that one record until
/// it is written again (which stores its values); a record moved out of it by another profile's
/// write first stores the values it gave, so they read back unchanged.
/// Every write also changes the profile's rows in <c>profile_values</c> (see <see cref="ProfileValueRows"/>),
/// the typed, folded copy filters run on; that copy never depends on how the values are kept. The
/// rows are found by value, so an update or retirement needs the values the profile had: those the
/// session loaded last when they are this profile's, else they are loaded before anything changes.
/// </remarks>
internal sealed class ProfileWriter(ProfileStatements statements, ProfileQueries queries, MatchFilters filters, ProfileValueRows valueRows)
{
    /// <summary>Applies a write; <paramref name="loaded"/> is the profile as the session last loaded it, if any.</summary>
    public void Write(ProfileWrite write, Profile? loaded)
    {
        var id = write.Id.Value;

        // The common cases take one statement: a new profile is inserted, and an existing one
        // whose aliases do not change is updated in place.
        if (write.IsNew && InsertNew(write))
        {
            WriteSources(write);
            return;
        }

        var previous = PreviousValues(id, loaded);
        var values = ProfileValueCodec.Encode(write.Values);

        var aliasesChange = write.AddedAliases.Count > 0 || write.RemovedAliases.Count > 0;
        if (!aliasesChange && statements.UpdateProfile(write, write.Kind, null, values))
        {
            valueRows.Update(id, previous!, write.Values);
            WriteSources(write);
            return;
        }

        var head = statements.ReadHead(id)
            ?? throw new InvalidOperationException($"Profile {write.Id} is not live; it cannot be updated.");

        var aliases = new List<AliasKey>(head.Aliases);
        aliases.RemoveAll(write.RemovedAliases.Contains);
        foreach (var alias in write.AddedAliases)
        {
            if (!aliases.Contains(alias))
            {
                aliases.Add(alias);
            }
        }

        statements.UpdateProfile(write, head.Kind, ValueCodec.EncodeAliases(aliases), values);
        valueRows.Update(id, previous ?? throw new InvalidOperationException($"Profile {write.Id} has no row."), write.Values);
        if (head.Kind != write.Kind)
        {
            // The alias rows are keyed by kind: move them all.
            foreach (var alias in head.Aliases)
            {
                statements.DeleteAlias(AliasHash.Of(head.Kind, alias), id);
            }

            AddAliases(write.Kind, aliases, id);
        }
        else
        {
            foreach (var alias in write.RemovedAliases)
            {
                // A row stands for every alias of the profile with its hash: it stays while one remains.
                var hash = AliasHash.Of(write.Kind, alias);
                if (!aliases.Exists(a => AliasHash.Of(write.Kind, a) == hash))
                {
                    statements.DeleteAlias(hash, id);
                }
            }

            AddAliases(write.Kind, aliases.FindAll(a => !head.Aliases.Contains(a) || write.RemovedAliases.Contains(a)), id);
        }

        WriteSources(write);
    }

    /// <summary>Retires <paramref name="merged"/> into <paramref name="survivor"/>; <paramref name="loaded"/> as in <see cref="Write"/>.</summary>
    public void Retire(ProfileId merged, ProfileId survivor, Profile? loaded)
    {
        var head = statements.ReadHead(merged.Value)
            ?? throw new InvalidOperationException($"Profile {merged} is not live; it cannot be merged.");
        var previous = PreviousValues(merged.Value, loaded)
            ?? throw new InvalidOperationException($"Profile {merged} has no row; the profile database was changed outside the store.");
        foreach (var alias in head.Aliases)
        {
            statements.DeleteAlias(AliasHash.Of(head.Kind, alias), merged.Value);
        }

        statements.DeleteProfile(merged.Value);
        valueRows.Delete(merged.Value, previous);
        statements.Redirect(merged.Value, survivor.Value);
    }

    public void Restore(ProfileId restored, IReadOnlyCollection<ProfileId> redirected)
    {
        if (statements.ReadHead(restored.Value) is not null || queries.Resolve(restored.Value) is not { } live || live == restored.Value)
        {
            throw new InvalidOperationException($"Profile {restored} was not merged into another profile; there is nothing to restore.");
        }

        statements.RemoveRedirect(restored.Value);
        foreach (var id in redirected)
        {
            statements.Redirect(id.Value, restored.Value);
        }
    }

    /// <summary>The current values of a live profile (null when it has no row), as its value rows hold them.</summary>
    private IReadOnlyDictionary<string, ProfileValue>? PreviousValues(long id, Profile? loaded) =>
        loaded is not null && loaded.Id.Value == id ? loaded.Values : queries.Load(id)?.Values;

    private bool InsertNew(ProfileWrite write)
    {
        var aliases = new List<AliasKey>(write.AddedAliases.Count);
        foreach (var alias in write.AddedAliases)
        {
            if (!aliases.Contains(alias))
            {
                aliases.Add(alias);
            }
        }

        var storeValues = write.UpsertedSources.Count != 1 || !DerivedFrom(write.Values, write.UpsertedSources[0]);
        if (!statements.InsertProfile(write, aliases, storeValues))
        {
            return false;
        }

        AddAliases(write.Kind, aliases, write.Id.Value);
        valueRows.Insert(write.Id.Value, write.Values);
        return true;
    }

    private void AddAliases(EntityKind kind, List<AliasKey> aliases, long id)
    {
        var hashes = aliases.Count <= 16 ? stackalloc long[aliases.Count] : new long[aliases.Count];
        for (var i = 0; i < aliases.Count; i++)
        {
            hashes[i] = AliasHash.Of(kind, aliases[i]);
            filters.AddAlias(hashes[i]);
        }

        statements.InsertAliases(hashes, id);
    }

    private void WriteSources(ProfileWrite write)
    {
        foreach (var source in write.UpsertedSources)
        {
            // Only a key the filter may hold can belong to another profile already.
            if (filters.MayHoldSource(source.Key))
            {
                KeepValuesOfOwner(source.Key, write.Id.Value);
            }

            statements.UpsertSource(source, write.Id.Value);
            filters.AddSource(source.Key);
        }
    }

    /// <summary>Stores the values of the profile a record is about to leave, when they are derived from that record.</summary>
    private void KeepValuesOfOwner(SourceRecordKey key, long newOwner)
    {
        if (queries.FindSourceOwner(key) is not { } owner || owner == newOwner || !statements.HasDerivedValues(owner))
        {
            return;
        }

        var profile = queries.Load(owner)
            ?? throw new InvalidOperationException($"Profile {owner} has no row; the profile database was changed outside the store.");
        statements.StoreValues(owner, ProfileValueCodec.Encode(profile.Values));
    }

    /// <summary>
    /// Whether <paramref name="values"/> are, in the same order, exactly what survivorship derives
    /// from <paramref name="source"/> alone: its non-empty values, each attributed to it.
    /// </summary>
    private static bool DerivedFrom(IReadOnlyDictionary<string, ProfileValue> values, StoredSourceRecord source)
    {
        var record = source.Record;
        using var derived = values.GetEnumerator();
        foreach (var (key, value) in record.Values)
        {
            if (value.IsEmpty)
            {
                continue;
            }

            if (!derived.MoveNext())
            {
                return false;
            }

            var (field, current) = derived.Current;
            if (!string.Equals(field, key, StringComparison.Ordinal)
                || current.Value != value
                || current.Source != record.Key
                || current.SourceKind != record.SourceKind
                || current.ObservedAt.UtcTicks != source.ObservedAt.UtcTicks)
            {
                return false;
            }
        }

        return !derived.MoveNext();
    }
}
