namespace Audiences.Sdk.Csv;

/// <summary>
/// The ids of a file seen so far, with the line of each, to reject repeated ids exactly. The ids'
/// characters are copied into large shared chunks and looked up by a 64-bit hash, rather than kept as
/// strings: a million ids then hold no references the garbage collector must trace or promote.
/// </summary>
internal sealed class CsvIdSet
{
    private const int ChunkChars = 1 << 16;

    private readonly Dictionary<ulong, Entry> _entries = new();
    private readonly List<char[]> _chunks = [];
    private int _used = ChunkChars;

    // Ids whose hash another id already has; never used in practice, but it keeps the set exact.
    private Dictionary<string, long>? _collided;

    /// <summary>Adds an id first seen on <paramref name="line"/>; false, with the first line, when the id was seen before.</summary>
    public bool TryAdd(string id, long line, out long firstLine)
    {
        var hash = Hash(id);
        if (!_entries.TryGetValue(hash, out var entry))
        {
            _entries.Add(hash, Store(id, line));
            firstLine = 0;
            return true;
        }

        if (id.AsSpan().SequenceEqual(_chunks[entry.Chunk].AsSpan(entry.Offset, entry.Length)))
        {
            firstLine = entry.Line;
            return false;
        }

        _collided ??= new Dictionary<string, long>(StringComparer.Ordinal);
        if (_collided.TryGetValue(id, out firstLine))
        {
            return false;
        }

        _collided.Add(id, line);
        return true;
    }

    private Entry Store(string id, long line)
    {
        if (id.Length > ChunkChars - _used)
        {
            _chunks.Add(new char[Math.Max(ChunkChars, id.Length)]);
            _used = 0;
        }

        var chunk = _chunks.Count - 1;
        id.CopyTo(_chunks[chunk].AsSpan(_used));
        var entry = new Entry(line, chunk, _used, id.Length);
        _used += id.Length;
        return entry;
    }

    // FNV-1a over the UTF-16 code units: fast for short ids, and collisions are resolved above.
    private static ulong Hash(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private readonly record struct Entry(long Line, int Chunk, int Offset, int Length);
}
