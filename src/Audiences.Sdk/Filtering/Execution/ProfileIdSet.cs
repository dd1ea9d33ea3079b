using System.Numerics;

namespace Audiences.Sdk.Filtering.Execution;

/// <summary>
/// A set of profile ids as a bitmap over the id range: ids are one dense sequence, so a million
/// profiles take 125 KB and AND/OR/NOT are word operations.
/// </summary>
/// <remarks>Not thread-safe; an instance belongs to one evaluation.</remarks>
internal sealed class ProfileIdSet
{
    private ulong[] _words;

    public ProfileIdSet(long capacity = 0) => _words = new ulong[Words(capacity)];

    /// <summary>How many ids the set holds.</summary>
    public long Count
    {
        get
        {
            long count = 0;
            foreach (var word in _words)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
    }

    public void Add(long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        var index = (int)(id >> 6);
        if (index >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(index + 1, _words.Length * 2));
        }

        _words[index] |= 1UL << (int)(id & 63);
    }

    public void Remove(long id)
    {
        var index = id >> 6;
        if (id >= 0 && index < _words.Length)
        {
            _words[index] &= ~(1UL << (int)(id & 63));
        }
    }

    public bool Contains(long id)
    {
        var index = id >> 6;
        return id >= 0 && index < _words.Length && (_words[index] & (1UL << (int)(id & 63))) != 0;
    }

    /// <summary>Keeps only the ids also in <paramref name="other"/>.</summary>
    public ProfileIdSet IntersectWith(ProfileIdSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= i < other._words.Length ? other._words[i] : 0;
        }

        return this;
    }

    /// <summary>Adds the ids of <paramref name="other"/>.</summary>
    public ProfileIdSet UnionWith(ProfileIdSet other)
    {
        if (other._words.Length > _words.Length)
        {
            Array.Resize(ref _words, other._words.Length);
        }

        for (var i = 0; i < other._words.Length; i++)
        {
            _words[i] |= other._words[i];
        }

        return this;
    }

    /// <summary>Removes the ids of <paramref name="other"/>.</summary>
    public ProfileIdSet ExceptWith(ProfileIdSet other)
    {
        var shared = Math.Min(_words.Length, other._words.Length);
        for (var i = 0; i < shared; i++)
        {
            _words[i] &= ~other._words[i];
        }

        return this;
    }

    public ProfileIdSet Copy()
    {
        var copy = new ProfileIdSet();
        copy._words = (ulong[])_words.Clone();
        return copy;
    }

    /// <summary>The ids in ascending order, starting after <paramref name="afterId"/>.</summary>
    public IEnumerable<long> Ascending(long afterId = -1)
    {
        var start = afterId < 0 ? 0 : afterId + 1;
        for (var i = (int)Math.Min(start >> 6, _words.Length); i < _words.Length; i++)
        {
            var word = _words[i];
            if (i == start >> 6)
            {
                word &= ~0UL << (int)(start & 63);
            }

            while (word != 0)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                yield return ((long)i << 6) + bit;
                word &= word - 1;
            }
        }
    }

    private static int Words(long capacity) => (int)((Math.Max(capacity, 0) + 63) >> 6);
}
