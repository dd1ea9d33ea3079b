using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// Helpers for the contract suites, which write through <see cref="IProfileWriteSession"/> directly: the
/// writes the matcher would compute for new profiles, merges and undone merges, built from source records.
/// </summary>
public abstract partial class StoreSpecification
{
    /// <summary>An email alias.</summary>
    protected static AliasKey Email(string email) => new("email", email);

    /// <summary>The key of the person record <see cref="PersonRecord"/> builds for an email: <c>crm/rows/{email}</c>.</summary>
    protected static SourceRecordKey RecordOf(string email) => new("crm", "rows", email);

    /// <summary>A person record keyed <see cref="RecordOf"/> holding the email (the alias it contributes) and the values, as stored at <paramref name="version"/>.</summary>
    protected StoredSourceRecord PersonRecord(string email, long version, params (string Key, object? Value)[] values) =>
        new(Person("crm", email, [("email", email), .. values]) with { ObservedAt = Clock.GetUtcNow() }, [Email(email)], version, version);

    /// <summary>A company record <c>crm/rows/{domain}</c> holding the domain (the alias it contributes), as stored at <paramref name="version"/>.</summary>
    protected StoredSourceRecord CompanyRecord(string domain, long version, params (string Key, object? Value)[] values) =>
        new(Company("crm", domain, [("domain", domain), .. values]) with { ObservedAt = Clock.GetUtcNow() }, [new AliasKey("domain", domain)], version, version);

    /// <summary>The write that creates profile <paramref name="id"/> from its records: values derived from them, every alias they contribute added.</summary>
    protected ProfileWrite NewProfile(ProfileId id, long version, params StoredSourceRecord[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return new(id, sources[0].Record.Kind, IsNew: true, version, Clock.GetUtcNow(), Survivorship.Derive(sources), sources,
            [.. sources.SelectMany(s => s.Aliases).Distinct()], []);
    }

    /// <summary>Allocates an id and creates a profile from the records at <paramref name="version"/> in <paramref name="session"/>.</summary>
    protected async Task<ProfileId> CreateAsync(IProfileWriteSession session, long version, params StoredSourceRecord[] sources)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = await session.AllocateProfileIdAsync();
        await session.WriteProfileAsync(NewProfile(id, version, sources));
        return id;
    }

    /// <summary>Writes <paramref name="record"/> into live profile <paramref name="id"/> at <paramref name="version"/>, replacing the record with its key (an update from its source).</summary>
    protected static async Task UpdateAsync(IProfileWriteSession session, ProfileId id, long version, StoredSourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(record);
        var profile = await session.LoadAsync(id) ?? throw new InvalidOperationException($"Profile {id} is not live.");
        var sources = profile.Sources.Where(s => s.Key != record.Key).Append(record).ToList();
        await session.WriteProfileAsync(new ProfileWrite(id, profile.Kind, IsNew: false, version, profile.CreatedAt, Survivorship.Derive(sources),
            [record], [.. record.Aliases.Except(profile.Aliases)], []));
    }

    /// <summary>Creates one person per email (record <see cref="RecordOf"/>) in one committed session; returns their ids, in email order.</summary>
    protected async Task<ProfileId[]> SeedPeopleAsync(StoreWorkspace store, params string[] emails)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(emails);
        await using var session = await store.Profiles.BeginWriteAsync();
        var version = session.LastVersion;
        var ids = new ProfileId[emails.Length];
        for (var i = 0; i < emails.Length; i++)
        {
            version++;
            ids[i] = await CreateAsync(session, version, PersonRecord(emails[i], version));
        }

        await session.CommitAsync();
        return ids;
    }

    /// <summary>
    /// Merges <paramref name="merged"/> into <paramref name="survivor"/> as the matcher does: the merged profile is retired,
    /// the merge is appended to the ledger at <paramref name="version"/>, and the survivor takes in the merged profile's
    /// records and aliases at <c>version + 1</c>.
    /// </summary>
    protected async Task<MergeRecord> MergeAsync(StoreWorkspace store, IProfileWriteSession session, ProfileId survivor, ProfileId merged, long version)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(session);
        var kept = await session.LoadAsync(survivor) ?? throw new InvalidOperationException($"Profile {survivor} is not live.");
        var gone = await session.LoadAsync(merged) ?? throw new InvalidOperationException($"Profile {merged} is not live.");
        await session.RetireProfileAsync(merged, survivor);
        var merge = new MergeRecord(version, gone.Kind, survivor, merged, null, gone.Sources[0].Key, Clock.GetUtcNow())
        {
            MergedRecords = [.. gone.Sources.Select(s => s.Key)],
            MergedCreatedAt = gone.CreatedAt,
        };
        await store.Ledger.AppendMergeAsync(session, merge);
        await session.WriteProfileAsync(new ProfileWrite(survivor, kept.Kind, IsNew: false, version + 1, kept.CreatedAt,
            Survivorship.Derive(kept.Sources.Concat(gone.Sources)), gone.Sources, [.. gone.Aliases.Except(kept.Aliases)], []));
        return merge;
    }

    /// <summary>
    /// Undoes <paramref name="merge"/> as the undo does: the merged id is restored (with <paramref name="redirected"/> pointing
    /// at it again) and written anew at <c>version</c> with its records, which the survivor releases, with their aliases, at <c>version + 1</c>.
    /// </summary>
    protected static async Task UndoAsync(IProfileWriteSession session, MergeRecord merge, IReadOnlyCollection<ProfileId> redirected, long version)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(merge);
        var survivor = await session.LoadAsync(merge.SurvivorId) ?? throw new InvalidOperationException($"Profile {merge.SurvivorId} is not live.");
        var restored = survivor.Sources.Where(s => merge.MergedRecords.Contains(s.Key)).ToList();
        var remaining = survivor.Sources.Except(restored).ToList();
        var aliases = restored.SelectMany(s => s.Aliases).Distinct().ToList();
        await session.RestoreProfileAsync(merge.MergedId, redirected);
        await session.WriteProfileAsync(new ProfileWrite(merge.MergedId, merge.Kind, IsNew: true, version, merge.MergedCreatedAt ?? merge.MergedAt,
            Survivorship.Derive(restored), restored, aliases, []));
        await session.WriteProfileAsync(new ProfileWrite(merge.SurvivorId, merge.Kind, IsNew: false, version + 1, survivor.CreatedAt,
            Survivorship.Derive(remaining), [], [], [.. survivor.Aliases.Except(remaining.SelectMany(s => s.Aliases))])
        {
            ReleasedSources = restored.ConvertAll(s => s.Key),
        });
    }
}
