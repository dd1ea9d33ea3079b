using System.Buffers;
using System.Numerics;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>Runs a compiled filter over a table: the bitmap of matching live rows, counted or walked in id order.</summary>
internal static class ColumnQuery
{
    /// <summary>How many live rows match.</summary>
    public static long Count(ColumnTable table, RowFilter filter, DateTimeOffset now)
    {
        var words = Words(table);
        var bits = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            var match = Match(table, filter, now, bits.AsSpan(0, words));
            long count = 0;
            foreach (var word in match)
            {
                count += BitOperations.PopCount(word);
            }

            return count;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    /// <summary>The ids of matching live rows above <paramref name="afterId"/>, ascending, at most <paramref name="limit"/>.</summary>
    public static List<long> Ids(ColumnTable table, RowFilter filter, DateTimeOffset now, long afterId, int limit)
    {
        var words = Words(table);
        var bits = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            var match = Match(table, filter, now, bits.AsSpan(0, words));
            var ids = table.Ids;
            var found = new List<long>();
            // Rows are in id order: start after the cursor and stop at the limit.
            for (var row = table.FirstRowAfter(afterId); row < ids.Length && found.Count < limit; row++)
            {
                if ((match[row >> 6] & (1UL << row)) != 0)
                {
                    found.Add(ids[row]);
                }
            }

            return found;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bits);
        }
    }

    private static int Words(ColumnTable table) => (table.RowCount + 63) / 64;

    private static Span<ulong> Match(ColumnTable table, RowFilter filter, DateTimeOffset now, Span<ulong> into)
    {
        filter.Evaluate(table, now, into);
        var live = table.Live;
        for (var w = 0; w < into.Length; w++)
        {
            into[w] &= live[w];
        }

        return into;
    }
}
