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
        // Start from the first key's codes, then refine by each further key: a composite key is
        // (key so far, next code), renumbered densely by sorting, which allocates two flat arrays
        // instead of a dictionary entry per row.
        var keys = new int[table.Count];
        var count = KeyCodes(table, rule.Keys[0], keys);
        if (rule.Keys.Count > 1)
        {
            var part = new int[table.Count];
            var composite = new long[table.Count];
            var rows = new int[table.Count];
            for (var k = 1; k < rule.Keys.Count; k++)
            {
                KeyCodes(table, rule.Keys[k], part);
                var used = 0;
                for (var row = 0; row < keys.Length; row++)
                {
                    if (keys[row] < 0 || part[row] < 0)
                    {
                        keys[row] = -1;
                        continue;
                    }

                    composite[used] = ((long)keys[row] << 32) | (uint)part[row];
                    rows[used++] = row;
                }

                Array.Sort(composite, rows, 0, used);
                count = 0;
                for (var i = 0; i < used; i++)
                {
                    if (i > 0 && composite[i] != composite[i - 1])
                    {
                        count++;
                    }

                    keys[rows[i]] = count;
                }

                count = used == 0 ? 0 : count + 1;
            }
        }

        return new RuleBlocks(keys, count, maxBlockSize);
    }

    /// <summary>Writes each row's code for one key and returns how many codes there are.</summary>
    private static int KeyCodes(FuzzyRecordTable table, BlockingKey key, int[] codes)
    {
        var column = table.Column(table.FieldIndex(key.Field));
        if (key.Kind == BlockingKeyKind.Exact)
        {
            for (var row = 0; row < codes.Length; row++)
            {
                codes[row] = column.Code(row);
            }

            return column.Values.Count;
        }

        var byValue = new int[column.Values.Count];
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

        for (var row = 0; row < codes.Length; row++)
        {
            var code = column.Code(row);
            codes[row] = code < 0 ? -1 : byValue[code];
        }

        return transformed.Count;
    }
}
