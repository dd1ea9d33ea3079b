namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>The blocks of one rule: each row's key and, per key, its rows in ascending order (CSR layout).</summary>
internal sealed class RuleBlocks
{
    private readonly int[] _starts;
    private readonly int[] _members;
    private readonly int _maxBlockSize;

    private RuleBlocks(int[] keys, int blockCount, int maxBlockSize)
    {
        Keys = keys;
        _maxBlockSize = maxBlockSize;
        _starts = new int[blockCount + 1];
        foreach (var key in keys)
        {
            if (key >= 0)
            {
                _starts[key + 1]++;
            }
        }

        for (var b = 0; b < blockCount; b++)
        {
            _starts[b + 1] += _starts[b];
        }

        _members = new int[_starts[blockCount]];
        var next = _starts[..blockCount];
        for (var row = 0; row < keys.Length; row++)
        {
            if (keys[row] >= 0)
            {
                _members[next[keys[row]]++] = row;
            }
        }
    }

    /// <summary>The block key of each row; -1 when the row has no key (a key field is empty).</summary>
    public int[] Keys { get; }

    public int BlockCount => _starts.Length - 1;

    public ReadOnlySpan<int> Members(int block) => _members.AsSpan(_starts[block], _starts[block + 1] - _starts[block]);

    public int Size(int block) => _starts[block + 1] - _starts[block];

    public bool IsOversized(int block) => Size(block) > _maxBlockSize;

    public static RuleBlocks Build(FuzzyRecordTable table, BlockingRule rule, int maxBlockSize)
    {
        // Start from the first key's value codes, then refine by each further key: a composite key
        // is (key so far, next code), numbered densely through a dictionary.
        var keys = new int[table.Count];
        var count = KeyCodes(table, rule.Keys[0], keys);
        var part = new int[table.Count];
        for (var k = 1; k < rule.Keys.Count; k++)
        {
            KeyCodes(table, rule.Keys[k], part);
            var composite = new Dictionary<long, int>();
            for (var row = 0; row < keys.Length; row++)
            {
                if (keys[row] < 0 || part[row] < 0)
                {
                    keys[row] = -1;
                    continue;
                }

                var pairKey = ((long)keys[row] << 32) | (uint)part[row];
                if (!composite.TryGetValue(pairKey, out var id))
                {
                    id = composite.Count;
                    composite.Add(pairKey, id);
                }

                keys[row] = id;
            }

            count = composite.Count;
        }

        return new RuleBlocks(keys, count, maxBlockSize);
    }

    /// <summary>Writes each row's code for one key and returns how many codes there are.</summary>
    private static int KeyCodes(FuzzyRecordTable table, BlockingKey key, int[] codes)
    {
        var column = table.Column(table.FieldIndex(key.Field));
        var byValue = new int[column.Values.Count];
        var count = column.Values.Count;
        if (key.Kind == BlockingKeyKind.Exact)
        {
            for (var v = 0; v < byValue.Length; v++)
            {
                byValue[v] = v;
            }
        }
        else
        {
            var transformed = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var v = 0; v < byValue.Length; v++)
            {
                var text = key.Transform(column.Values[v]);
                if (text.Length == 0)
                {
                    byValue[v] = -1;
                    continue;
                }

                if (!transformed.TryGetValue(text, out var code))
                {
                    code = transformed.Count;
                    transformed.Add(text, code);
                }

                byValue[v] = code;
            }

            count = transformed.Count;
        }

        for (var row = 0; row < codes.Length; row++)
        {
            var code = column.Code(row);
            codes[row] = code < 0 ? -1 : byValue[code];
        }

        return count;
    }
}
