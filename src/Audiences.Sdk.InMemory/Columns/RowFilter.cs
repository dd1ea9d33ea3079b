using System.Buffers;

namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// A filter compiled for a <see cref="ColumnTable"/>: each node fills a bitmap with one bit per row
/// (64 rows a word), so AND, OR and NOT are word operations and a count is a population count.
/// Bits of dead or unused rows may be anything; the caller masks the result with the live rows.
/// </summary>
internal abstract class RowFilter
{
    /// <summary>Sets the bit of every row of <paramref name="table"/> the node matches, for every word of <paramref name="into"/>.</summary>
    public abstract void Evaluate(ColumnTable table, DateTimeOffset now, Span<ulong> into);

    /// <summary>
    /// Clears the bit of every row set in <paramref name="bits"/> that the node does not match (an AND with the node).
    /// A node that can test single rows visits only the set bits, so after a selective first condition the
    /// next ones read a fraction of the rows; the others evaluate in full and AND.
    /// </summary>
    public virtual void Refine(ColumnTable table, DateTimeOffset now, Span<ulong> bits)
    {
        var scratch = Rent(bits.Length);
        try
        {
            var other = scratch.AsSpan(0, bits.Length);
            Evaluate(table, now, other);
            for (var w = 0; w < bits.Length; w++)
            {
                bits[w] &= other[w];
            }
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>Evaluates into a rented bitmap the caller returns to <see cref="ArrayPool{T}.Shared"/>.</summary>
    protected static ulong[] Rent(int words) => ArrayPool<ulong>.Shared.Rent(words);

    /// <summary>Returns a bitmap from <see cref="Rent"/>.</summary>
    protected static void Return(ulong[] bits) => ArrayPool<ulong>.Shared.Return(bits);
}

/// <summary>AND or OR over two or more nodes; an AND evaluates its first node and refines the result with the others.</summary>
internal sealed class GroupRowFilter(bool and, RowFilter[] filters) : RowFilter
{
    public override void Evaluate(ColumnTable table, DateTimeOffset now, Span<ulong> into)
    {
        filters[0].Evaluate(table, now, into);
        if (and)
        {
            for (var f = 1; f < filters.Length; f++)
            {
                filters[f].Refine(table, now, into);
            }

            return;
        }

        var scratch = Rent(into.Length);
        try
        {
            var other = scratch.AsSpan(0, into.Length);
            for (var f = 1; f < filters.Length; f++)
            {
                filters[f].Evaluate(table, now, other);
                for (var w = 0; w < into.Length; w++)
                {
                    into[w] |= other[w];
                }
            }
        }
        finally
        {
            Return(scratch);
        }
    }
}

/// <summary>The complement of a node.</summary>
internal sealed class NotRowFilter(RowFilter operand) : RowFilter
{
    public override void Evaluate(ColumnTable table, DateTimeOffset now, Span<ulong> into)
    {
        operand.Evaluate(table, now, into);
        for (var w = 0; w < into.Length; w++)
        {
            into[w] = ~into[w];
        }
    }
}
