using System.Runtime.CompilerServices;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>Cuts a stream of records into chunks, so a run holds one chunk at a time rather than its whole population.</summary>
internal static class ExportChunks
{
    public static async IAsyncEnumerable<IReadOnlyList<T>> Of<T>(IAsyncEnumerable<T> items, int size, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunk = new List<T>(size);
        await foreach (var item in items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(item);
            if (chunk.Count == size)
            {
                yield return chunk;
                chunk = new List<T>(size);
            }
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
