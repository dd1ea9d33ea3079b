using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>Checks that a contract's writes refuse a session that has ended, by a commit or by being disposed.</summary>
internal static class EndedSessions
{
    /// <summary>Calls <paramref name="write"/> with a committed session and with a disposed one; each must throw <see cref="ObjectDisposedException"/>.</summary>
    public static async Task ExpectRefusedAsync(StoreWorkspace store, Func<IProfileWriteSession, Task> write)
    {
        var committed = await store.Profiles.BeginWriteAsync();
        await committed.CommitAsync();
        var disposed = await store.Profiles.BeginWriteAsync();
        await disposed.DisposeAsync();
        try
        {
            foreach (var session in new[] { committed, disposed })
            {
                await FluentActions.Awaiting(() => write(session)).Should().ThrowAsync<ObjectDisposedException>();
            }
        }
        finally
        {
            await committed.DisposeAsync();
        }
    }
}
