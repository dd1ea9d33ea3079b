using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IProfileWriteSession"/> contract, stated on the session itself: ids and versions, reads of the
/// session's own writes, what writing, retiring and restoring a profile change, and the session's life cycle
/// (commit, discard, one writer at a time, no calls after the end).
/// </summary>
public abstract partial class ProfileWriteSessionSpecification : StoreSpecification
{
    /// <summary>
    /// Ids grow within a session, and a new session hands out ids above every id a committed session handed out,
    /// also after a session that was rolled back.
    /// </summary>
    [Fact]
    public virtual async Task Ids_grow_and_stay_above_every_committed_id_after_a_rollback()
    {
        var store = NewStore();
        ProfileId written, unused;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            written = await CreateAsync(session, 1, PersonRecord("ada@example.com", 1));
            unused = await session.AllocateProfileIdAsync();
            unused.Should().BeGreaterThan(written);
            await session.CommitAsync();
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var discarded = await CreateAsync(session, 2, PersonRecord("bob@example.com", 2));
            await session.RetireProfileAsync(written, discarded);
        }

        await using (var session = await Reopen(store).Profiles.BeginWriteAsync())
        {
            var next = await session.AllocateProfileIdAsync();
            next.Should().BeGreaterThan(unused, "an id handed out by a committed session is never handed out again, even if unused");
            (await session.AllocateProfileIdAsync()).Should().BeGreaterThan(next);
        }
    }

    /// <summary><see cref="IProfileWriteSession.LastVersion"/> is the highest version committed before the session began; a rolled-back session moves nothing.</summary>
    [Fact]
    public virtual async Task Last_version_is_the_last_committed_version()
    {
        var store = NewStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            session.LastVersion.Should().Be(0);
            await CreateAsync(session, 3, PersonRecord("ada@example.com", 3));
            await CreateAsync(session, 7, PersonRecord("bob@example.com", 7));
            session.LastVersion.Should().Be(0, "uncommitted writes do not move it");
            await session.CommitAsync();
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            session.LastVersion.Should().Be(7);
            await CreateAsync(session, 8, PersonRecord("cy@example.com", 8));
        }

        await using (var session = await Reopen(store).Profiles.BeginWriteAsync())
        {
            session.LastVersion.Should().Be(7);
        }
    }

    /// <summary>
    /// The session reads its own writes (load, resolve, source-record owner, alias owners oldest first, whatever the
    /// order they were written in); other readers see none of them until the commit.
    /// </summary>
    [Fact]
    public virtual async Task A_session_reads_its_own_writes_and_other_readers_do_not()
    {
        var store = NewStore();
        var shared = Email("team@example.com");
        var ada = (await SeedPeopleAsync(store, "ada@example.com"))[0];
        await using var session = await store.Profiles.BeginWriteAsync();
        var v = session.LastVersion;
        var bob = await session.AllocateProfileIdAsync();
        var cy = await session.AllocateProfileIdAsync();
        await session.WriteProfileAsync(NewProfile(cy, ++v, PersonRecord("cy@example.com", v) with { Aliases = [shared] }));
        await session.WriteProfileAsync(NewProfile(bob, ++v, PersonRecord("bob@example.com", v) with { Aliases = [shared] }));
        var loaded = await session.LoadAsync(ada);
        await session.WriteProfileAsync(new ProfileWrite(ada, EntityKind.Person, IsNew: false, ++v, loaded!.CreatedAt, loaded.Values, [], [shared], []));

        (await session.LoadAsync(bob))!.Id.Should().Be(bob);
        (await session.ResolveAsync(cy)).Should().Be(cy);
        (await session.FindSourceRecordOwnerAsync(RecordOf("bob@example.com"))).Should().Be(bob);
        (await session.FindAliasOwnersAsync(EntityKind.Person, shared)).Should().Equal(ada, bob, cy);
        (await session.FindAliasOwnersAsync(EntityKind.Company, shared)).Should().BeEmpty();

        (await store.Profiles.GetProfileAsync(bob)).Should().BeNull();
        (await store.Profiles.ResolveAsync(cy)).Should().BeNull();
        (await store.Profiles.FindBySourceRecordAsync(RecordOf("bob@example.com"))).Should().BeNull();
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, shared)).Should().BeNull();
        (await store.Profiles.GetProfileAsync(ada))!.Aliases.Should().Equal(Email("ada@example.com"));
    }

    /// <summary>
    /// A write changes exactly the aliases it names (added and removed) and takes ownership of the source records it
    /// upserts; a record it releases leaves the profile for the one written with it in the same session.
    /// </summary>
    [Fact]
    public virtual async Task Writing_a_profile_changes_its_aliases_and_source_ownership()
    {
        var store = NewStore();
        ProfileId ada;
        StoredSourceRecord home, work;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            (home, work) = (PersonRecord("ada@example.com", 1), PersonRecord("ada@work.example", 1, ("title", "CTO")));
            ada = await CreateAsync(session, 1, home, work);
            await session.CommitAsync();
        }

        ProfileId other;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            other = await CreateAsync(session, 2, work with { FirstSeenVersion = 2, LastChangedVersion = 2 });
            await session.WriteProfileAsync(new ProfileWrite(ada, EntityKind.Person, IsNew: false, 3, Clock.GetUtcNow(),
                Survivorship.Derive([home]), [], [Email("ada@new.example")], [Email("ada@work.example")]) { ReleasedSources = [work.Key] });

            (await session.FindSourceRecordOwnerAsync(work.Key)).Should().Be(other);
            (await session.FindAliasOwnersAsync(EntityKind.Person, Email("ada@work.example"))).Should().Equal(other);
            (await session.FindAliasOwnersAsync(EntityKind.Person, Email("ada@new.example"))).Should().Equal(ada);
            (await session.LoadAsync(ada))!.Sources.Select(s => s.Key).Should().Equal(home.Key);
            await session.CommitAsync();
        }

        var profiles = Reopen(store).Profiles;
        var read = await profiles.GetProfileAsync(ada);
        read!.Aliases.Should().BeEquivalentTo([Email("ada@example.com"), Email("ada@new.example")]);
        read.Sources.Select(s => s.Key).Should().Equal(home.Key);
        read["title"].IsEmpty.Should().BeTrue();
        (await profiles.FindBySourceRecordAsync(work.Key))!.Id.Should().Be(other);
        (await profiles.FindByAliasAsync(EntityKind.Person, Email("ada@work.example")))!.Id.Should().Be(other);
        (await profiles.FindByAliasAsync(EntityKind.Person, Email("ada@new.example")))!.Id.Should().Be(ada);
    }

    /// <summary>
    /// Retiring a profile removes it and its aliases, and its id (and every id that resolved to it) resolves to the
    /// survivor, inside the session and, after the commit, for every reader.
    /// </summary>
    [Fact]
    public virtual async Task Retiring_a_profile_redirects_its_id_and_drops_its_aliases()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com", "cy@example.com");
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await session.RetireProfileAsync(ids[2], ids[1]);
            await session.RetireProfileAsync(ids[1], ids[0]);

            (await session.LoadAsync(ids[1])).Should().BeNull("a retired profile is no longer live");
            (await session.ResolveAsync(ids[1])).Should().Be(ids[0]);
            (await session.ResolveAsync(ids[2])).Should().Be(ids[0], "ids that resolved to the retired profile follow it");
            (await session.FindAliasOwnersAsync(EntityKind.Person, Email("bob@example.com"))).Should().BeEmpty();
            await session.CommitAsync();
        }

        var profiles = Reopen(store).Profiles;
        (await profiles.ResolveAsync(ids[2])).Should().Be(ids[0]);
        (await profiles.GetProfileAsync(ids[1]))!.Id.Should().Be(ids[0]);
        (await profiles.FindByAliasAsync(EntityKind.Person, Email("bob@example.com"))).Should().BeNull();
        (await profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(1);
    }

    /// <summary>Restoring a retired id makes it resolve to itself again, and the ids given resolve to it again.</summary>
    [Fact]
    public virtual async Task Restoring_a_retired_id_brings_it_back_and_redirects_the_given_ids()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com", "cy@example.com");
        MergeRecord merge;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await MergeAsync(store, session, ids[1], ids[2], session.LastVersion + 1);
            merge = await MergeAsync(store, session, ids[0], ids[1], session.LastVersion + 3);
            await session.CommitAsync();
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await UndoAsync(session, merge, [ids[2]], session.LastVersion + 1);

            (await session.ResolveAsync(ids[1])).Should().Be(ids[1]);
            (await session.ResolveAsync(ids[2])).Should().Be(ids[1]);
            (await session.FindSourceRecordOwnerAsync(RecordOf("cy@example.com"))).Should().Be(ids[1]);
            await session.CommitAsync();
        }

        var profiles = Reopen(store).Profiles;
        (await profiles.ResolveAsync(ids[2])).Should().Be(ids[1]);
        (await profiles.GetProfileAsync(ids[1]))!.Sources.Select(s => s.Key).Should().BeEquivalentTo([RecordOf("bob@example.com"), RecordOf("cy@example.com")]);
        (await profiles.GetProfileAsync(ids[0]))!.Sources.Select(s => s.Key).Should().Equal(RecordOf("ada@example.com"));
        (await profiles.FindByAliasAsync(EntityKind.Person, Email("cy@example.com")))!.Id.Should().Be(ids[1]);
    }
}
