using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The life of a write session: commit, discard, one writer at a time, and no calls after the end.</summary>
public abstract partial class ProfileWriteSessionSpecification
{
    /// <summary>A commit makes every write of the session visible together: new profiles, retirements and ledger entries.</summary>
    [Fact]
    public virtual async Task Commit_makes_every_write_visible_together()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com");
        var before = await store.Changes.GetLastVersionAsync();
        ProfileId cy;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            cy = await CreateAsync(session, before + 1, PersonRecord("cy@example.com", before + 1));
            await MergeAsync(store, session, ids[0], ids[1], before + 2);

            (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(2);
            (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty();
            (await store.Changes.GetLastVersionAsync()).Should().Be(before);
            await session.CommitAsync();
        }

        (await store.Profiles.GetProfileAsync(cy)).Should().NotBeNull();
        (await store.Profiles.ResolveAsync(ids[1])).Should().Be(ids[0]);
        (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
        (await store.Changes.GetLastVersionAsync()).Should().Be(before + 3);
    }

    /// <summary>
    /// Disposing a session without commit discards everything it did: new and changed profiles, retirements, restorations,
    /// and what the other contracts wrote with it; the next session sees none of it.
    /// </summary>
    [Fact]
    public virtual async Task Disposing_without_commit_discards_everything()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com", "cy@example.com");
        MergeRecord merge;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            merge = await MergeAsync(store, session, ids[1], ids[2], session.LastVersion + 1);
            await session.CommitAsync();
        }

        var version = await store.Changes.GetLastVersionAsync();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var v = session.LastVersion;
            await CreateAsync(session, ++v, PersonRecord("dan@example.com", v));
            await UndoAsync(session, merge, [], ++v);
            await MergeAsync(store, session, ids[0], ids[1], v += 2);
            await store.Ledger.AppendSplitAsync(session, new SplitRecord(v += 2, EntityKind.Person, ids[1], ids[2], merge.Version, [RecordOf("cy@example.com")], [], Clock.GetUtcNow()));
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("discarded", EntityKind.Person, FieldType.Text, "crm"));
        }

        (await store.Changes.GetLastVersionAsync()).Should().Be(version);
        (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
        (await store.Ledger.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty();
        (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Should().BeEmpty();
        await using var next = await store.Profiles.BeginWriteAsync();
        (await next.ResolveAsync(ids[1])).Should().Be(ids[1]);
        (await next.ResolveAsync(ids[2])).Should().Be(ids[1]);
        (await next.FindAliasOwnersAsync(EntityKind.Person, Email("dan@example.com"))).Should().BeEmpty();
        (await next.FindSourceRecordOwnerAsync(RecordOf("dan@example.com"))).Should().BeNull();
        (await next.LoadAsync(ids[0]))!.Sources.Should().ContainSingle();
        (await next.LoadAsync(ids[1]))!.Sources.Should().HaveCount(2);
    }

    /// <summary>A second session waits until the first ends, and begins after its commit, seeing it.</summary>
    [Fact]
    public virtual async Task A_second_session_waits_until_the_first_ends()
    {
        var store = NewStore();
        var first = await store.Profiles.BeginWriteAsync();
        var second = store.Profiles.BeginWriteAsync().AsTask();
        await Task.Delay(50);
        second.IsCompleted.Should().BeFalse();

        ProfileId ada;
        await using (first)
        {
            ada = await CreateAsync(first, 1, PersonRecord("ada@example.com", 1));
            await first.CommitAsync();
        }

        await using (var session = await second.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            session.LastVersion.Should().Be(1);
            (await session.LoadAsync(ada)).Should().NotBeNull();
        }

        // Disposal ends a session as a commit does.
        await using var third = await store.Profiles.BeginWriteAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Once committed or disposed, a session refuses every call with <see cref="ObjectDisposedException"/> (a second commit
    /// included), while disposing it again does nothing.
    /// </summary>
    [Fact]
    public virtual async Task A_session_refuses_every_call_once_committed_or_disposed()
    {
        var store = NewStore();
        var ada = (await SeedPeopleAsync(store, "ada@example.com"))[0];
        var committed = await store.Profiles.BeginWriteAsync();
        await committed.CommitAsync();
        await ExpectEndedAsync(committed, ada);

        var disposed = await store.Profiles.BeginWriteAsync();
        await disposed.DisposeAsync();
        await ExpectEndedAsync(disposed, ada);
    }

    private async Task ExpectEndedAsync(IProfileWriteSession session, ProfileId live)
    {
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("allocate", async () => await session.AllocateProfileIdAsync()),
            ("load", async () => await session.LoadAsync(live)),
            ("resolve", async () => await session.ResolveAsync(live)),
            ("find source owner", async () => await session.FindSourceRecordOwnerAsync(RecordOf("ada@example.com"))),
            ("find alias owners", async () => await session.FindAliasOwnersAsync(EntityKind.Person, Email("ada@example.com"))),
            ("write", async () => await session.WriteProfileAsync(NewProfile(new ProfileId(99), 99, PersonRecord("zed@example.com", 99)))),
            ("retire", async () => await session.RetireProfileAsync(new ProfileId(99), live)),
            ("restore", async () => await session.RestoreProfileAsync(new ProfileId(99), [])),
            ("commit", async () => await session.CommitAsync()),
        };
        foreach (var (name, call) in calls)
        {
            await call.Should().ThrowAsync<ObjectDisposedException>("{0} after the session ended must fail", name);
        }

        await session.DisposeAsync();
    }
}
