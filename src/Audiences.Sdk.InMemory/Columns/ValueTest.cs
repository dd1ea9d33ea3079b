using System.Numerics;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// One way a row's value can satisfy a condition, scanned over a column: the positive form of a
/// condition is the OR of its tests (an <c>in</c> list has one per value). Each test ORs the bits
/// of the rows it matches into a bitmap.
/// </summary>
internal abstract class ValueTest
{
    /// <summary>ORs the bits of the matching rows among the first <paramref name="rows"/> into <paramref name="into"/>.</summary>
    public abstract void Accumulate(FieldColumn column, int rows, DateTimeOffset now, Span<ulong> into);

    /// <summary>
    /// ORs into <paramref name="into"/> the bits of the matching rows among those set in <paramref name="candidates"/>,
    /// visiting only those rows: the refinement of an AND after a selective condition.
    /// </summary>
    public abstract void AccumulateWithin(FieldColumn column, ReadOnlySpan<ulong> candidates, DateTimeOffset now, Span<ulong> into);
}

/// <summary>The row has no value (<c>is empty</c>).</summary>
internal sealed class EmptyTest : ValueTest
{
    public override void Accumulate(FieldColumn column, int rows, DateTimeOffset now, Span<ulong> into)
    {
        var types = column.Types;
        for (int w = 0, start = 0; start < rows; w++, start += 64)
        {
            var end = Math.Min(start + 64, rows);
            ulong bits = 0;
            for (var r = start; r < end; r++)
            {
                bits |= (types[r] == 0 ? 1UL : 0UL) << r;
            }

            into[w] |= bits;
        }
    }

    public override void AccumulateWithin(FieldColumn column, ReadOnlySpan<ulong> candidates, DateTimeOffset now, Span<ulong> into)
    {
        var types = column.Types;
        for (var w = 0; w < candidates.Length; w++)
        {
            ulong bits = 0;
            for (var word = candidates[w]; word != 0; word &= word - 1)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                bits |= (types[(w << 6) + bit] == 0 ? 1UL : 0UL) << bit;
            }

            into[w] |= bits;
        }
    }
}

/// <summary>A number from <c>low</c> to <c>high</c>, both included (rows without a number hold NaN and fail both bounds).</summary>
internal sealed class NumberRangeTest(double low, double high) : ValueTest
{
    public override void Accumulate(FieldColumn column, int rows, DateTimeOffset now, Span<ulong> into)
    {
        if (column.Numbers is not { } numbers)
        {
            return;
        }

        for (int w = 0, start = 0; start < rows; w++, start += 64)
        {
            var end = Math.Min(start + 64, rows);
            ulong bits = 0;
            for (var r = start; r < end; r++)
            {
                var v = numbers[r];
                bits |= ((v >= low) & (v <= high) ? 1UL : 0UL) << r;
            }

            into[w] |= bits;
        }
    }

    public override void AccumulateWithin(FieldColumn column, ReadOnlySpan<ulong> candidates, DateTimeOffset now, Span<ulong> into)
    {
        if (column.Numbers is not { } numbers)
        {
            return;
        }

        for (var w = 0; w < candidates.Length; w++)
        {
            ulong bits = 0;
            for (var word = candidates[w]; word != 0; word &= word - 1)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                var v = numbers[(w << 6) + bit];
                bits |= ((v >= low) & (v <= high) ? 1UL : 0UL) << bit;
            }

            into[w] |= bits;
        }
    }
}

/// <summary>A date-time (ticks) or boolean (0 or 1) from <c>low</c> to <c>high</c>, both included.</summary>
internal class LongRangeTest(FieldType type, long low, long high) : ValueTest
{
    public override void Accumulate(FieldColumn column, int rows, DateTimeOffset now, Span<ulong> into) =>
        Scan(column, rows, low, high, into);

    public override void AccumulateWithin(FieldColumn column, ReadOnlySpan<ulong> candidates, DateTimeOffset now, Span<ulong> into) =>
        ScanWithin(column, candidates, low, high, into);

    protected void ScanWithin(FieldColumn column, ReadOnlySpan<ulong> candidates, long from, long to, Span<ulong> into)
    {
        if (column.Longs is not { } longs)
        {
            return;
        }

        var types = column.Types;
        var wanted = (byte)type;
        for (var w = 0; w < candidates.Length; w++)
        {
            ulong bits = 0;
            for (var word = candidates[w]; word != 0; word &= word - 1)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                var r = (w << 6) + bit;
                var v = longs[r];
                bits |= ((types[r] == wanted) & (v >= from) & (v <= to) ? 1UL : 0UL) << bit;
            }

            into[w] |= bits;
        }
    }

    protected void Scan(FieldColumn column, int rows, long from, long to, Span<ulong> into)
    {
        if (column.Longs is not { } longs)
        {
            return;
        }

        var types = column.Types;
        var wanted = (byte)type;
        for (int w = 0, start = 0; start < rows; w++, start += 64)
        {
            var end = Math.Min(start + 64, rows);
            ulong bits = 0;
            for (var r = start; r < end; r++)
            {
                var v = longs[r];
                bits |= ((types[r] == wanted) & (v >= from) & (v <= to) ? 1UL : 0UL) << r;
            }

            into[w] |= bits;
        }
    }
}

/// <summary><c>within last</c>: a date-time from now minus the duration up to now, with "now" given per evaluation.</summary>
internal sealed class WithinLastTest(Filtering.RelativeDuration duration) : LongRangeTest(FieldType.DateTime, 0, 0)
{
    public override void Accumulate(FieldColumn column, int rows, DateTimeOffset now, Span<ulong> into) =>
        Scan(column, rows, duration.Before(now).UtcTicks, now.UtcTicks, into);

    public override void AccumulateWithin(FieldColumn column, ReadOnlySpan<ulong> candidates, DateTimeOffset now, Span<ulong> into) =>
        ScanWithin(column, candidates, duration.Before(now).UtcTicks, now.UtcTicks, into);
}

/// <summary>
/// A text test decided once per distinct value of the column's <see cref="TextDictionary"/> (any
/// item of a list may satisfy it), then read per row. The decisions are kept and extended as the
/// dictionary grows, so a filter run again only decides the values added since.
/// </summary>
internal sealed class TextTest(Func<string, bool> itemTest) : ValueTest
{
    private readonly Lock _gate = new();
    private TextDictionary? _dictionary;
    private byte[] _matches = [];
    private int _decided;

    public override void Accumulate(FieldColumn column, int rows, DateTimeOffset now, Span<ulong> into)
    {
        if (column.Codes is not { } codes)
        {
            return;
        }

        var matches = Decide(column.Texts);
        for (int w = 0, start = 0; start < rows; w++, start += 64)
        {
            var end = Math.Min(start + 64, rows);
            ulong bits = 0;
            for (var r = start; r < end; r++)
            {
                bits |= (ulong)matches[codes[r]] << r;
            }

            into[w] |= bits;
        }
    }

    public override void AccumulateWithin(FieldColumn column, ReadOnlySpan<ulong> candidates, DateTimeOffset now, Span<ulong> into)
    {
        if (column.Codes is not { } codes)
        {
            return;
        }

        var matches = Decide(column.Texts);
        for (var w = 0; w < candidates.Length; w++)
        {
            ulong bits = 0;
            for (var word = candidates[w]; word != 0; word &= word - 1)
            {
                var bit = BitOperations.TrailingZeroCount(word);
                bits |= (ulong)matches[codes[(w << 6) + bit]] << bit;
            }

            into[w] |= bits;
        }
    }

    private byte[] Decide(TextDictionary dictionary)
    {
        // A compiled filter is cached per bound filter and may run on two stores' readers at once.
        lock (_gate)
        {
            if (!ReferenceEquals(dictionary, _dictionary))
            {
                _dictionary = dictionary;
                _decided = 0;
            }

            if (_matches.Length < dictionary.Count)
            {
                Array.Resize(ref _matches, Math.Max(dictionary.Count, _matches.Length * 2));
            }

            for (; _decided < dictionary.Count; _decided++)
            {
                _matches[_decided] = dictionary.Any(_decided, itemTest) ? (byte)1 : (byte)0;
            }

            return _matches;
        }
    }
}
