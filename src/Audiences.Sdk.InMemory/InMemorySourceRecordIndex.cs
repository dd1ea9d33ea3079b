using System.Runtime.CompilerServices;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.InMemory;

/// <summary>The external ids of the committed source records of an <see cref="InMemoryStore"/>, per source object.</summary>
internal sealed class InMemorySourceRecordIndex(InMemoryStore store) : ISourceRecordIndex
{
    public async IAsyncEnumerable<string> ListExternalIdsAsync(string source, string objectName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(objectName);

        // Taken when the stream is first read, not when it is asked for, so it reflects the commits before that.
        var ids = store.Read(state => state.SourceOwners.Keys
            .Where(k => string.Equals(k.Source, source, StringComparison.Ordinal) && string.Equals(k.ObjectName, objectName, StringComparison.Ordinal))
            .Select(k => k.ExternalId)
            .ToArray());
        Array.Sort(ids, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return id;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
