namespace Audiences.Sdk.InMemory;

/// <summary>Streams an array taken under the store's lock, so no lock is held while the caller consumes it.</summary>
internal static class Snapshot
{
    public static async IAsyncEnumerable<T> StreamAsync<T>(IReadOnlyList<T> items, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
