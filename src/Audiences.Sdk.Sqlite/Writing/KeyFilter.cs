namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// A growable blocked Bloom filter over 64-bit key hashes: it may answer "maybe" for a key never
/// added, but never "no" for one that was. Each key sets five bits of one 64-bit word, so a test
/// touches one word per layer; when a layer is full a twice larger one is added.
/// </summary>
internal sealed class KeyFilter
{
    private const int FirstCapacity = 1 << 16;

    // 16 bits per key with 5 bits set in one word gives well under 1% false positives.
    private const int KeysPerWord = 4;

    private readonly List<ulong[]> _layers = [];
    private long _capacity;
    private long _count;

    /// <summary>Keys added (approximately: keys that were already present are not counted).</summary>
    public long Count => _count;

    /// <summary>Adds a key hash.</summary>
    public void Add(ulong hash)
    {
        if (MayContain(hash))
        {
            return;
        }

        if (_count >= _capacity)
        {
            var capacity = _layers.Count == 0 ? FirstCapacity : _layers[^1].Length * (long)KeysPerWord * 2;
            _layers.Add(new ulong[capacity / KeysPerWord]);
            _capacity += capacity;
        }

        var layer = _layers[^1];
        layer[Word(hash, layer.Length)] |= Mask(hash);
        _count++;
    }

    /// <summary>False when the key hash was certainly never added.</summary>
    public bool MayContain(ulong hash)
    {
        var mask = Mask(hash);
        foreach (var layer in _layers)
        {
            if ((layer[Word(hash, layer.Length)] & mask) == mask)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Forgets every key.</summary>
    public void Clear()
    {
        _layers.Clear();
        _capacity = 0;
        _count = 0;
    }

    /// <summary>A 64-bit hash of up to three strings and a small tag (FNV-1a, then a full avalanche).</summary>
    public static ulong Hash(long tag, string first, string second, string third)
    {
        var hash = 0xcbf29ce484222325UL ^ (ulong)tag;
        hash = Add(hash, first);
        hash = Add(hash, second);
        hash = Add(hash, third);

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        // The length separates the parts, so ("ab", "c") and ("a", "bc") differ.
        return (hash ^ (ulong)text.Length ^ 0xff00UL) * 0x100000001b3UL;
    }

    private static int Word(ulong hash, int words) => (int)(((hash >> 32) * (ulong)words) >> 32);

    private static ulong Mask(ulong hash) =>
        (1UL << (int)(hash & 63))
        | (1UL << (int)((hash >> 6) & 63))
        | (1UL << (int)((hash >> 12) & 63))
        | (1UL << (int)((hash >> 18) & 63))
        | (1UL << (int)((hash >> 24) & 63));
}
