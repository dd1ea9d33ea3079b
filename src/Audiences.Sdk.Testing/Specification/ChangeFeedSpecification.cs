using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IChangeFeed"/> contract, stated on the feed itself: the last committed version, and what changed
/// after a version (live profiles in version order, then ids retired by merges, each id once with its last change).
/// </summary>
public abstract class ChangeFeedSpecification : StoreSpecification
{
    /// <summary>The last version is 0 for an empty store and then the highest version committed; a rolled-back session does not move it.</summary>
    [Fact]
    public virtual async Task The_last_version_is_0_when_empty_and_follows_commits()
    {
        var store = NewStore();
        (await store.Changes.GetLastVersionAsync()).Should().Be(0);
        await SeedPeopleAsync(store, "ada@example.com", "bob@example.com");
        (await store.Changes.GetLastVersionAsync()).Should().Be(2);

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await CreateAsync(session, 3, PersonRecord("cy@example.com", 3));
        }

        (await store.Changes.GetLastVersionAsync()).Should().Be(2);
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await CreateAsync(session, 5, PersonRecord("cy@example.com", 5));
            await session.CommitAsync();
        }

        (await Reopen(store).Changes.GetLastVersionAsync()).Should().Be(5);
    }

    /// <summary>
    /// After a version, the feed lists the live profiles changed since in version order, each once with its current state,
    /// then the ids merged away since, at the version of their merge; 0 lists every live profile and every retired id.
    /// </summary>
    [Fact]
    public virtual async Task Changes_list_live_profiles_in_version_order_then_retired_ids_each_once()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com", "cy@example.com", "dan@example.com");
        var (ada, bob, cy, dan) = (ids[0], ids[1], ids[2], ids[3]);
        ProfileId acme;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await UpdateAsync(session, bob, 5, PersonRecord("bob@example.com", 5, ("title", "CTO")));
            await MergeAsync(store, session, ada, dan, 6);
            await session.CommitAsync();
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await UpdateAsync(session, cy, 8, PersonRecord("cy@example.com", 8, ("title", "CFO")));
            acme = await CreateAsync(session, 9, CompanyRecord("acme.com", 9));
            await UpdateAsync(session, bob, 10, PersonRecord("bob@example.com", 10, ("title", "CEO")));
            await session.CommitAsync();
        }

        var feed = Reopen(store).Changes;
        (await Listed(feed, 2)).Should().Equal((ada, 7L, false), (cy, 8L, false), (acme, 9L, false), (bob, 10L, false), (dan, 6L, true));
        (await Listed(feed, 0)).Should().Equal((ada, 7L, false), (cy, 8L, false), (acme, 9L, false), (bob, 10L, false), (dan, 6L, true));
        (await Listed(feed, 7)).Should().Equal((cy, 8L, false), (acme, 9L, false), (bob, 10L, false));
        (await Listed(feed, 10)).Should().BeEmpty();

        var changes = await feed.ListChangedProfilesAsync(2).ToListAsync();
        changes.Select(c => c.Kind).Should().Equal(EntityKind.Person, EntityKind.Person, EntityKind.Company, EntityKind.Person, EntityKind.Person);
        changes[3].Profile!["title"].Should().Be(FieldValue.FromText("CEO"), "a change carries the profile as it is now");
        changes[0].Profile!.Sources.Should().HaveCount(2);
        changes[4].Profile.Should().BeNull();
    }

    /// <summary>A profile created and merged away in the same session is still an id retired by a merge: it is listed as retired.</summary>
    [Fact]
    public virtual async Task An_id_created_and_merged_in_one_session_is_listed_as_retired()
    {
        var store = NewStore();
        var ada = (await SeedPeopleAsync(store, "ada@example.com"))[0];
        ProfileId bob;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            bob = await CreateAsync(session, 2, PersonRecord("bob@example.com", 2));
            await MergeAsync(store, session, ada, bob, 3);
            await session.CommitAsync();
        }

        (await Listed(Reopen(store).Changes, 1)).Should().Equal((ada, 4L, false), (bob, 3L, true));
    }

    /// <summary>An undone merge brings the id back: after the undo the feed lists it live, once, not retired.</summary>
    [Fact]
    public virtual async Task An_undone_merge_lists_the_restored_id_as_live()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com");
        MergeRecord merge;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            merge = await MergeAsync(store, session, ids[0], ids[1], 3);
            await session.CommitAsync();
        }

        (await Listed(store.Changes, 2)).Should().Equal((ids[0], 4L, false), (ids[1], 3L, true));
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await UndoAsync(session, merge, [], 5);
            await session.CommitAsync();
        }

        var feed = Reopen(store).Changes;
        (await Listed(feed, 2)).Should().Equal((ids[1], 5L, false), (ids[0], 6L, false));
        (await Listed(feed, 4)).Should().Equal((ids[1], 5L, false), (ids[0], 6L, false));
    }

    /// <summary>The feed after <paramref name="sinceVersion"/> as (id, version, retired) triples, in the order listed.</summary>
    private static async Task<List<(ProfileId Id, long Version, bool Retired)>> Listed(IChangeFeed feed, long sinceVersion) =>
        [.. (await feed.ListChangedProfilesAsync(sinceVersion).ToListAsync()).Select(c => (c.Id, c.Version, c.IsRetired))];
}
