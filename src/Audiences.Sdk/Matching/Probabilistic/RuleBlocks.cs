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
        var parts = rule.AnyOrder ? AnyOrderParts(table, rule) : [.. rule.Keys.Select(k => KeyCodes(table, k))];
        var keys = parts[0].Codes;
        var count = parts[0].Count;
        if (parts.Length > 1)
        {
            var composite = new long[table.Count];
            var rows = new int[table.Count];
            for (var k = 1; k < parts.Length; k++)
            {
                count = Refine(keys, parts[k].Codes, composite, rows);
            }
        }

        return new RuleBlocks(keys, count, maxBlockSize);
    }

    /// <summary>
    /// Refines each row's key by one more code: the composite (key so far, code) is renumbered
    /// densely by sorting, which needs two flat arrays instead of a dictionary entry per row.
    /// A row missing either part gets no key. Returns the number of keys.
    /// </summary>
    private static int Refine(int[] keys, int[] part, long[] composite, int[] rows)
    {
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
        var count = 0;
        for (var i = 0; i < used; i++)
        {
            if (i > 0 && composite[i] != composite[i - 1])
            {
                count++;
            }

            keys[rows[i]] = count;
        }

        return used == 0 ? 0 : count + 1;
    }

    /// <summary>
    /// The parts of a rule in any order: the fields' values are coded in one shared dictionary and
    /// each row's codes are sorted, so the first part is the smallest code, whichever field holds it.
    /// </summary>
    private static (int[] Codes, int Count)[] AnyOrderParts(FuzzyRecordTable table, BlockingRule rule)
    {
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = rule.Keys.Select(k => table.Column(table.FieldIndex(k.Field))).ToArray();
        var maps = columns.Select(column => column.Values.Select(v =>
        {
            if (!shared.TryGetValue(v, out var code))
            {
                code = shared.Count;
                shared.Add(v, code);
            }

            return code;
        }).ToArray()).ToArray();

        var parts = columns.Select(_ => new int[table.Count]).ToArray();
        var codes = new int[columns.Length];
        for (var row = 0; row < table.Count; row++)
        {
            for (var c = 0; c < columns.Length; c++)
            {
                var code = columns[c].Code(row);
                codes[c] = code < 0 ? -1 : maps[c][code];
            }

            Array.Sort(codes);
            for (var c = 0; c < columns.Length; c++)
            {
                // An empty value sorts first as -1; the row then has no key, as in any rule.
                parts[c][row] = codes[0] < 0 ? -1 : codes[c];
            }
        }

        return [.. parts.Select(p => (p, shared.Count))];
    }

    /// <summary>Each row's code for one key (-1 when empty) and how many codes there are.</summary>
    private static (int[] Codes, int Count) KeyCodes(FuzzyRecordTable table, BlockingKey key)
    {
        var column = table.Column(table.FieldIndex(key.Field));
        var codes = new int[table.Count];
        if (key.Kind == BlockingKeyKind.Exact)
        {
            for (var row = 0; row < codes.Length; row++)
            {
                codes[row] = column.Code(row);
            }

            return (codes, column.Values.Count);
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

        return (codes, transformed.Count);
    }
}
