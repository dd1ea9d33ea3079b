using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IProfileStore"/> contract, stated on the contract itself: ids resolve through merges, profiles
/// are found by id, alias and source record, listed and counted by kind, and reads see committed sessions only.
/// </summary>
public abstract class ProfileStoreSpecification : StoreSpecification
{
    /// <summary>Resolving follows merges, also chains of them, to the live id; an id no profile ever had resolves to null.</summary>
    [Fact]
    public virtual async Task Resolve_follows_merges_to_the_live_id_and_gives_null_for_unused_ids()
    {
        var store = NewStore();
        var (ada, bob, cy) = await SeedChainAsync(store);

        var reopened = Reopen(store);

        foreach (var id in new[] { ada, bob, cy })
        {
            (await reopened.Profiles.ResolveAsync(id)).Should().Be(ada, "every id of the chain ends at {0}", ada);
        }

        (await reopened.Profiles.ResolveAsync(new ProfileId(cy.Value + 1))).Should().BeNull();
        (await reopened.Profiles.ResolveAsync(new ProfileId(long.MaxValue))).Should().BeNull();
    }

    /// <summary>A profile reads back whole by its id; a merged id gives its survivor; an unused id gives null.</summary>
    [Fact]
    public virtual async Task Get_by_id_reads_the_profile_whole_and_gives_the_survivor_for_a_merged_id()
    {
        var store = NewStore();
        ProfileWrite written;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var id = await session.AllocateProfileIdAsync();
            written = NewProfile(id, session.LastVersion + 1,
                PersonRecord("eve@example.com", session.LastVersion + 1, ("title", "CTO"), ("score", 7.5), ("tags", new[] { "a", "b" })),
                PersonRecord("eve@work.example", session.LastVersion + 1, ("city", "Leeds")));
            await session.WriteProfileAsync(written);
            await session.CommitAsync();
        }

        var (survivor, merged, _) = await SeedChainAsync(store);
        var reopened = Reopen(store);

        var profile = await reopened.Profiles.GetProfileAsync(written.Id);
        profile.Should().BeEquivalentTo(new Profile(written.Id, EntityKind.Person, written.Version, written.CreatedAt, written.Values,
            written.AddedAliases, written.UpsertedSources), o => o.WithoutStrictOrdering());
        (await reopened.Profiles.GetProfileAsync(merged))!.Id.Should().Be(survivor);
        (await reopened.Profiles.GetProfileAsync(new ProfileId(long.MaxValue))).Should().BeNull();
    }

    /// <summary>An alias finds the oldest live profile of the kind holding it; retired holders and other kinds do not count.</summary>
    [Fact]
    public virtual async Task Find_by_alias_gives_the_oldest_live_holder_of_the_kind()
    {
        var store = NewStore();
        var shared = Email("team@example.com");
        ProfileId first, second;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var v = session.LastVersion;
            await CreateAsync(session, ++v, CompanyRecord("acme.com", v) with { Aliases = [shared] });
            first = await CreateAsync(session, ++v, PersonRecord("ada@example.com", v) with { Aliases = [shared] });
            second = await CreateAsync(session, ++v, PersonRecord("bob@example.com", v) with { Aliases = [shared] });
            await CreateAsync(session, ++v, PersonRecord("cy@example.com", v) with { Aliases = [shared] });
            await session.CommitAsync();
        }

        (await store.Profiles.FindByAliasAsync(EntityKind.Person, shared))!.Id.Should().Be(first);
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            // A younger survivor is unusual but allowed: the oldest live holder is then the second one.
            await session.RetireProfileAsync(first, second);
            await session.CommitAsync();
        }

        (await Reopen(store).Profiles.FindByAliasAsync(EntityKind.Person, shared))!.Id.Should().Be(second);
        (await store.Profiles.FindByAliasAsync(EntityKind.Company, shared))!.Kind.Should().Be(EntityKind.Company);
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, Email("nobody@example.com"))).Should().BeNull();
    }

    /// <summary>A source record finds the live profile holding it, also after a merge moved it; an unknown record gives null.</summary>
    [Fact]
    public virtual async Task Find_by_source_record_gives_the_live_holder()
    {
        var store = NewStore();
        var (ada, _, _) = await SeedChainAsync(store);
        var reopened = Reopen(store);

        (await reopened.Profiles.FindBySourceRecordAsync(RecordOf("ada@example.com")))!.Id.Should().Be(ada);
        (await reopened.Profiles.FindBySourceRecordAsync(RecordOf("cy@example.com")))!.Id.Should().Be(ada, "cy's record moved to bob, then with bob's to ada");
        (await reopened.Profiles.FindBySourceRecordAsync(new SourceRecordKey("crm", "rows", "unknown"))).Should().BeNull();
    }

    /// <summary>Listing gives the live profiles of one kind in id order, whatever order they were written in; counting agrees.</summary>
    [Fact]
    public virtual async Task Listing_and_counting_by_kind_cover_the_live_profiles_in_id_order()
    {
        var store = NewStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var v = session.LastVersion;
            var ids = new List<ProfileId>();
            for (var i = 0; i < 5; i++)
            {
                ids.Add(await session.AllocateProfileIdAsync());
            }

            // Written out of id order, people and companies interleaved.
            await session.WriteProfileAsync(NewProfile(ids[3], ++v, PersonRecord("d@example.com", v)));
            await session.WriteProfileAsync(NewProfile(ids[0], ++v, PersonRecord("a@example.com", v)));
            await session.WriteProfileAsync(NewProfile(ids[2], ++v, CompanyRecord("c.example", v)));
            await session.WriteProfileAsync(NewProfile(ids[4], ++v, PersonRecord("e@example.com", v)));
            await session.WriteProfileAsync(NewProfile(ids[1], ++v, PersonRecord("b@example.com", v)));
            await session.CommitAsync();
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await MergeAsync(store, session, new ProfileId(1), new ProfileId(5), session.LastVersion + 1);
            await session.CommitAsync();
        }

        var reopened = Reopen(store);
        (await AllAsync(reopened)).Select(p => p.Id.Value).Should().Equal(1, 2, 4);
        (await AllAsync(reopened, EntityKind.Company)).Select(p => p.Id.Value).Should().Equal(3);
        (await reopened.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(3);
        (await reopened.Profiles.CountProfilesAsync(EntityKind.Company)).Should().Be(1);
    }

    /// <summary>Every read answers from committed sessions: an open session's new, changed and retired profiles show only after its commit.</summary>
    [Fact]
    public virtual async Task Reads_see_committed_sessions_only()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com");
        var session = await store.Profiles.BeginWriteAsync();
        ProfileId cy;
        await using (session)
        {
            var v = session.LastVersion;
            cy = await CreateAsync(session, ++v, PersonRecord("cy@example.com", v));
            await MergeAsync(store, session, ids[0], ids[1], ++v);

            await ExpectCommittedStateAsync(store, ids[0], ids[1], cy, merged: false);
            await session.CommitAsync();
        }

        await ExpectCommittedStateAsync(store, ids[0], ids[1], cy, merged: true);
        await ExpectCommittedStateAsync(Reopen(store), ids[0], ids[1], cy, merged: true);
    }

    private static async Task ExpectCommittedStateAsync(StoreWorkspace store, ProfileId ada, ProfileId bob, ProfileId cy, bool merged)
    {
        var profiles = store.Profiles;
        (await profiles.ResolveAsync(bob)).Should().Be(merged ? ada : bob);
        (await profiles.ResolveAsync(cy)).Should().Be(merged ? cy : null);
        ((await profiles.GetProfileAsync(cy))?.Id).Should().Be(merged ? cy : null);
        (await profiles.GetProfileAsync(ada))!.Sources.Should().HaveCount(merged ? 2 : 1);
        (await profiles.FindByAliasAsync(EntityKind.Person, Email("bob@example.com")))!.Id.Should().Be(merged ? ada : bob);
        ((await profiles.FindBySourceRecordAsync(RecordOf("cy@example.com")))?.Id).Should().Be(merged ? cy : null);
        (await AllAsync(store)).Select(p => p.Id).Should().Equal(merged ? new[] { ada, cy } : new[] { ada, bob });
        (await profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(2);
    }

    /// <summary>Three people, cy merged into bob and then bob into ada (each taking in the other's records); returns (ada, bob, cy).</summary>
    private async Task<(ProfileId Ada, ProfileId Bob, ProfileId Cy)> SeedChainAsync(StoreWorkspace store)
    {
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com", "cy@example.com");
        await using var session = await store.Profiles.BeginWriteAsync();
        await MergeAsync(store, session, ids[1], ids[2], session.LastVersion + 1);
        await MergeAsync(store, session, ids[0], ids[1], session.LastVersion + 3);
        await session.CommitAsync();
        return (ids[0], ids[1], ids[2]);
    }
}
