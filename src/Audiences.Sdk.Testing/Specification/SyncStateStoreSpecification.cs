using Audiences.Sdk.Storage;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISyncStateStore"/> contract. Cursors: saved in a write session, a cursor is stored when the session
/// commits, with the batch, and never otherwise; it takes the store's own session, also behind a decorator, and refuses
/// another store's or an ended one. Runs: see the other part of the suite.
/// </summary>
public abstract partial class SyncStateStoreSpecification : StoreSpecification
{
    /// <summary>A sync that never stored a batch has no cursor.</summary>
    [Fact]
    public virtual async Task A_sync_has_no_cursor_before_its_first_stored_batch()
    {
        var store = NewStore();

        (await store.SyncState.GetCursorAsync("orders")).Should().BeNull();
    }

    /// <summary>A cursor saved in a session is read only once the session commits, together with the session's profiles, and survives a restart.</summary>
    [Fact]
    public virtual async Task A_cursor_is_stored_when_its_session_commits()
    {
        var store = NewStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await CreateAsync(session, session.LastVersion + 1, PersonRecord("ada@example.com", session.LastVersion + 1));
            await store.SyncState.SaveCursorAsync(session, "orders", "page-1");

            (await store.SyncState.GetCursorAsync("orders")).Should().BeNull("the session has not committed");
            await session.CommitAsync();
        }

        await SaveCursorAsync(store, "orders", "page-2");

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncState.GetCursorAsync("orders")).Should().Be("page-2");
            (await AllAsync(workspace)).Should().ContainSingle();
        }
    }

    /// <summary>A cursor saved in a session disposed without commit is discarded with the session's profiles; the last committed cursor stays.</summary>
    [Fact]
    public virtual async Task A_cursor_is_discarded_when_its_session_rolls_back()
    {
        var store = NewStore();
        await SaveCursorAsync(store, "orders", "page-1");
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await CreateAsync(session, session.LastVersion + 1, PersonRecord("ada@example.com", session.LastVersion + 1));
            await store.SyncState.SaveCursorAsync(session, "orders", "page-2");
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncState.GetCursorAsync("orders")).Should().Be("page-1");
            (await AllAsync(workspace)).Should().BeEmpty();
        }
    }

    /// <summary>Each sync has its own cursor; saving null leaves a sync without one again.</summary>
    [Fact]
    public virtual async Task Cursors_are_kept_per_sync()
    {
        var store = NewStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.SyncState.SaveCursorAsync(session, "orders", "order-cursor");
            await store.SyncState.SaveCursorAsync(session, "leads", "lead-cursor");
            await store.SyncState.SaveCursorAsync(session, "leads", "lead-cursor-2");
            await session.CommitAsync();
        }

        await SaveCursorAsync(store, "orders", null);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SyncState.GetCursorAsync("orders")).Should().BeNull();
            (await workspace.SyncState.GetCursorAsync("leads")).Should().Be("lead-cursor-2");
        }
    }

    /// <summary>A cursor saved through a session wrapped in <see cref="DelegatingProfileWriteSession"/>s joins the session beneath it.</summary>
    [Fact]
    public virtual async Task A_cursor_saved_through_a_decorated_session_joins_it()
    {
        var store = NewStore();
        await using (var session = new DecoratedSession(new DecoratedSession(await store.Profiles.BeginWriteAsync())))
        {
            await store.SyncState.SaveCursorAsync(session, "orders", "page-1");
            await session.CommitAsync();
        }

        await using (var session = new DecoratedSession(await store.Profiles.BeginWriteAsync()))
        {
            await store.SyncState.SaveCursorAsync(session, "orders", "page-2");
        }

        (await store.SyncState.GetCursorAsync("orders")).Should().Be("page-1");
    }

    /// <summary>A session begun by another store, decorated or not, is refused with <see cref="ArgumentException"/>, and no cursor is stored in either store.</summary>
    [Fact]
    public virtual async Task A_session_of_another_store_is_refused()
    {
        var store = NewStore();
        var other = NewStore();
        await using (var foreign = await other.Profiles.BeginWriteAsync())
        {
            foreach (var session in new IProfileWriteSession[] { foreign, new DecoratedSession(foreign) })
            {
                await FluentActions.Awaiting(async () => await store.SyncState.SaveCursorAsync(session, "orders", "page-1"))
                    .Should().ThrowAsync<ArgumentException>();
            }

            await foreign.CommitAsync();
        }

        (await store.SyncState.GetCursorAsync("orders")).Should().BeNull();
        (await other.SyncState.GetCursorAsync("orders")).Should().BeNull();
    }

    /// <summary>A session that has committed or been disposed takes no more cursors: saving throws <see cref="ObjectDisposedException"/>.</summary>
    [Fact]
    public virtual async Task Cursors_saved_to_an_ended_session_are_refused()
    {
        var store = NewStore();
        await EndedSessions.ExpectRefusedAsync(store, async session => await store.SyncState.SaveCursorAsync(session, "orders", "page-1"));

        (await store.SyncState.GetCursorAsync("orders")).Should().BeNull();
    }

    /// <summary>Saves a cursor in a committed session of its own.</summary>
    private static async Task SaveCursorAsync(StoreWorkspace store, string sync, string? cursor)
    {
        await using var session = await store.Profiles.BeginWriteAsync();
        await store.SyncState.SaveCursorAsync(session, sync, cursor);
        await session.CommitAsync();
    }
}
