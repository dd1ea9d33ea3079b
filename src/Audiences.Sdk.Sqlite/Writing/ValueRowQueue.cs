using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Storage;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// The <c>profile_values</c> row changes a write session has queued, put in the table's key order
/// (field, profile_id, type, value) before they are applied. The writer host keeps one queue for
/// all its sessions, so its buffers are allocated once rather than grown again by every batch.
/// </summary>
/// <remarks>
/// Changes arrive profile by profile, each profile's values field by field, and a batch's new
/// profiles have increasing ids: grouping the changes by field, keeping their order within a field
/// (a counting sort), leaves each field's changes already in key order. Each field's run is checked
/// and only a run that is not in order (updates of older profiles, list items) is sorted.
/// </remarks>
internal sealed class ValueRowQueue
{
    // Beyond this many distinct field numbers in one queue, a comparison sort is cheaper than counting.
    private const long MaxCountedFields = 1 << 12;

    private readonly ChangeOrder _order = new();
    private ValueRowChange[] _changes = new ValueRowChange[1024];
    private ValueRowChange[] _ordered = [];
    private int[] _counts = [];
    private byte[] _texts = new byte[16 * 1024];
    private int _textsUsed;

    /// <summary>Changes queued since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Drops every queued change (the buffers are kept).</summary>
    public void Clear()
    {
        Count = 0;
        _textsUsed = 0;
    }

    /// <summary>Queues a change of a text row; the text is folded (<see cref="Audiences.Sdk.Filtering.FilterText.Fold"/>).</summary>
    public void AddText(long field, long profileId, string text, bool delete)
    {
        var length = FoldedUtf8.Write(text, ref _texts, _textsUsed);
        Add(new ValueRowChange(field, profileId, _textsUsed, length, Count, FieldType.Text, delete));
        _textsUsed += length;
    }

    /// <summary>Queues a change of a number, boolean or date-time row (<paramref name="value"/> as <see cref="ValueRowChange.Value"/> holds it).</summary>
    public void Add(long field, FieldType type, long profileId, long value, bool delete) =>
        Add(new ValueRowChange(field, profileId, value, -1, Count, type, delete));

    /// <summary>The folded UTF-8 of a text change.</summary>
    public ReadOnlySpan<byte> Text(in ValueRowChange change) => _texts.AsSpan((int)change.Value, change.TextLength);

    /// <summary>
    /// The queued changes in key order, one per row: of several changes to one row, the last one
    /// queued. Valid until the next change is queued or the queue is cleared.
    /// </summary>
    public ReadOnlySpan<ValueRowChange> Order()
    {
        var changes = _changes.AsSpan(0, Count);
        _order.Texts = _texts;
        var ordered = ByField(changes) ? _ordered.AsSpan(0, Count) : SortAll(changes);

        // Of the changes to one row (adjacent, in queue order), the last one decides.
        var kept = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            if (i + 1 < ordered.Length && ChangeOrder.CompareRow(_texts, ordered[i], ordered[i + 1]) == 0)
            {
                continue;
            }

            ordered[kept++] = ordered[i];
        }

        return ordered[..kept];
    }

    private void Add(in ValueRowChange change)
    {
        if (Count == _changes.Length)
        {
            Array.Resize(ref _changes, _changes.Length * 2);
        }

        _changes[Count++] = change;
    }

    private Span<ValueRowChange> SortAll(Span<ValueRowChange> changes)
    {
        changes.Sort(_order);
        return changes;
    }

    /// <summary>
    /// Counting-sorts <paramref name="changes"/> by field into <c>_ordered</c>, then sorts each
    /// field's run that is not already in key order; false when the field numbers are too spread out.
    /// </summary>
    private bool ByField(ReadOnlySpan<ValueRowChange> changes)
    {
        long min = long.MaxValue, max = long.MinValue;
        foreach (var change in changes)
        {
            min = Math.Min(min, change.Field);
            max = Math.Max(max, change.Field);
        }

        if (changes.IsEmpty || max - min >= MaxCountedFields)
        {
            return false;
        }

        var fields = (int)(max - min) + 1;
        if (_counts.Length < fields + 1)
        {
            _counts = new int[Math.Max(fields + 1, 64)];
        }

        var starts = _counts.AsSpan(0, fields + 1);
        starts.Clear();
        foreach (var change in changes)
        {
            starts[(int)(change.Field - min) + 1]++;
        }

        for (var f = 1; f <= fields; f++)
        {
            starts[f] += starts[f - 1];
        }

        if (_ordered.Length < changes.Length)
        {
            _ordered = new ValueRowChange[_changes.Length];
        }

        // Stable: within a field, changes keep their queue order.
        foreach (var change in changes)
        {
            _ordered[starts[(int)(change.Field - min)]++] = change;
        }

        // starts[f] is now where field f's run ends, and the previous field's end where it starts.
        var start = 0;
        for (var f = 0; f < fields; f++)
        {
            var run = _ordered.AsSpan(start, starts[f] - start);
            if (!InOrder(run))
            {
                run.Sort(_order);
            }

            start = starts[f];
        }

        return true;
    }

    /// <summary>Whether a run is in key order, ties in queue order (which a stable grouping keeps).</summary>
    private bool InOrder(ReadOnlySpan<ValueRowChange> run)
    {
        for (var i = 1; i < run.Length; i++)
        {
            if (ChangeOrder.CompareRow(_texts, run[i - 1], run[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Orders changes as the table's key does (SQLite compares text bytewise), then by queue order.</summary>
    private sealed class ChangeOrder : IComparer<ValueRowChange>
    {
        public byte[] Texts { get; set; } = [];

        public int Compare(ValueRowChange x, ValueRowChange y)
        {
            var order = CompareRow(Texts, x, y);
            return order != 0 ? order : x.Sequence.CompareTo(y.Sequence);
        }

        public static int CompareRow(byte[] texts, in ValueRowChange x, in ValueRowChange y)
        {
            var order = x.Field.CompareTo(y.Field);
            if (order != 0)
            {
                return order;
            }

            order = x.ProfileId.CompareTo(y.ProfileId);
            if (order != 0)
            {
                return order;
            }

            order = ((int)x.Type).CompareTo((int)y.Type);
            if (order != 0)
            {
                return order;
            }

            return x.Type switch
            {
                FieldType.Text => texts.AsSpan((int)x.Value, x.TextLength).SequenceCompareTo(texts.AsSpan((int)y.Value, y.TextLength)),

                // Numerically, as SQLite compares REAL values (0 and -0 are one row).
                FieldType.Number => BitConverter.Int64BitsToDouble(x.Value).CompareTo(BitConverter.Int64BitsToDouble(y.Value)),
                _ => x.Value.CompareTo(y.Value),
            };
        }
    }
}
