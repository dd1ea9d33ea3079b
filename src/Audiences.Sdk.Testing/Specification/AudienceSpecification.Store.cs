using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// Rules of <see cref="IAudienceStore"/> and <see cref="IAudienceWriteSession"/> the service rarely reaches, stated on the
/// store directly: ids, member pages in both directions, feed numbering, limits and the single writer.
/// </summary>
public abstract partial class AudienceSpecification
{
    /// <summary>
    /// Audience ids grow within a session, and a new session hands out ids above every id a committed session handed out,
    /// also after a session that was rolled back.
    /// </summary>
    [Fact]
    public virtual async Task Audience_ids_stay_above_every_committed_id_after_a_rollback()
    {
        var store = NewStore();
        long unused;
        await using (var session = await store.AudienceStore.BeginWriteAsync())
        {
            var id = await session.AllocateAudienceIdAsync();
            await session.SaveAudienceAsync(NewAudience(id, "Kept"));
            unused = await session.AllocateAudienceIdAsync();
            unused.Should().BeGreaterThan(id);
            await session.CommitAsync();
        }

        await using (var session = await store.AudienceStore.BeginWriteAsync())
        {
            await session.SaveAudienceAsync(NewAudience(await session.AllocateAudienceIdAsync(), "Discarded"));
        }

        await using (var session = await Reopen(store).AudienceStore.BeginWriteAsync())
        {
            var next = await session.AllocateAudienceIdAsync();
            next.Should().BeGreaterThan(unused, "an id handed out by a committed session is never handed out again, even if unused");
            (await session.AllocateAudienceIdAsync()).Should().BeGreaterThan(next);
        }
    }

    /// <summary>
    /// Members of one state are read in pages in id order after a cursor, or in reverse id order before it; the cursor need
    /// not be a member, and an unknown audience has none.
    /// </summary>
    [Fact]
    public virtual async Task Members_are_read_in_pages_in_both_directions()
    {
        var store = NewStore();
        long id;
        await using (var session = await store.AudienceStore.BeginWriteAsync())
        {
            id = await session.AllocateAudienceIdAsync();
            await session.SaveAudienceAsync(NewAudience(id, "Leeds"));
            foreach (var member in new long[] { 7, 1, 5, 3, 2, 4 })
            {
                await session.SetMemberStateAsync(id, new ProfileId(member), member == 3 ? MemberState.Archived : MemberState.Active);
            }

            await session.CommitAsync();
        }

        var audiences = Reopen(store).AudienceStore;
        async Task<long[]> Page(long? after, int limit, bool descending = false, MemberState state = MemberState.Active) =>
            [.. (await audiences.ListMembersAsync(id, state, after is { } a ? new ProfileId(a) : null, limit, descending)).Select(p => p.Value)];

        (await Page(null, 2)).Should().Equal(1, 2);
        (await Page(2, 2)).Should().Equal(4, 5);
        (await Page(5, 2)).Should().Equal(7);
        (await Page(7, 2)).Should().BeEmpty();
        (await Page(null, 2, descending: true)).Should().Equal(7, 5);
        (await Page(5, 2, descending: true)).Should().Equal(4, 2);
        (await Page(2, 2, descending: true)).Should().Equal(1);
        (await Page(1, 2, descending: true)).Should().BeEmpty();
        (await Page(3, 10)).Should().Equal(4, 5, 7);
        (await Page(3, 10, descending: true)).Should().Equal(2, 1);
        (await Page(null, 10, state: MemberState.Archived)).Should().Equal(3);
        (await audiences.ListMembersAsync(id + 1, MemberState.Active, null, 10)).Should().BeEmpty();
        (await audiences.CountMembersAsync(id, MemberState.Active)).Should().Be(5);
    }

    /// <summary>The store numbers feed entries itself, in increasing order whatever number they came with, and they read back in pages.</summary>
    [Fact]
    public virtual async Task Feed_entries_are_numbered_by_the_store_and_read_in_pages()
    {
        var store = NewStore();
        var appended = new List<MembershipChange>();
        await using (var session = await store.AudienceStore.BeginWriteAsync())
        {
            var id = await session.AllocateAudienceIdAsync();
            await session.SaveAudienceAsync(NewAudience(id, "Leeds"));
            foreach (var profile in new long[] { 3, 1, 2 })
            {
                appended.Add(await session.AppendChangeAsync(
                    new MembershipChange(99, id, new ProfileId(profile), MembershipChangeKind.Entered, Clock.GetUtcNow(), profile, true)));
            }

            await session.CommitAsync();
        }

        appended.Select(c => c.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems().And.NotContain(99);
        var audiences = Reopen(store).AudienceStore;
        var first = await audiences.ReadChangesAsync(0, 2);
        first.Should().Equal(appended[0], appended[1]);
        (await audiences.ReadChangesAsync(first[^1].Sequence, 2)).Should().Equal(appended[2]);
        (await audiences.ReadChangesAsync(appended[2].Sequence, 2)).Should().BeEmpty();
    }

    /// <summary>A page or feed read with a limit below 1 is refused with <see cref="ArgumentOutOfRangeException"/>.</summary>
    [Fact]
    public virtual async Task A_limit_below_one_is_refused()
    {
        var audiences = NewStore().AudienceStore;
        foreach (var limit in new[] { 0, -1 })
        {
            await FluentActions.Awaiting(async () => await audiences.ListMembersAsync(1, MemberState.Active, null, limit)).Should().ThrowAsync<ArgumentOutOfRangeException>();
            await FluentActions.Awaiting(async () => await audiences.ListMembersAsync(1, MemberState.Active, null, limit, descending: true))
                .Should().ThrowAsync<ArgumentOutOfRangeException>();
            await FluentActions.Awaiting(async () => await audiences.ReadChangesAsync(0, limit)).Should().ThrowAsync<ArgumentOutOfRangeException>();
        }
    }

    /// <summary>A second audience session waits until the first ends, then sees what it committed.</summary>
    [Fact]
    public virtual async Task A_second_audience_session_waits_for_the_first()
    {
        var store = NewStore();
        var first = await store.AudienceStore.BeginWriteAsync();
        var second = store.AudienceStore.BeginWriteAsync().AsTask();
        await Task.Delay(50);
        second.IsCompleted.Should().BeFalse();

        long id;
        await using (first)
        {
            id = await first.AllocateAudienceIdAsync();
            await first.SaveAudienceAsync(NewAudience(id, "Leeds"));
            await first.CommitAsync();
        }

        await using var session = await second.WaitAsync(TimeSpan.FromSeconds(10));
        (await session.GetAudienceAsync(id))!.Name.Should().Be("Leeds");
    }

    /// <summary>A draft person audience of everyone with an empty title.</summary>
    private Audience NewAudience(long id, string name) => new()
    {
        Id = id,
        Name = name,
        Kind = EntityKind.Person,
        FilterJson = FilterJson.Serialize(Condition.IsEmpty("title")),
        Status = AudienceStatus.Draft,
        Visibility = AudienceVisibility.Workspace,
        CreatedBy = "ana",
        CreatedAt = Clock.GetUtcNow(),
        UpdatedAt = Clock.GetUtcNow(),
    };
}
