namespace Audiences.Sdk.InMemory.Columns;

/// <summary>
/// One condition: the OR of its positive form's tests over the field's column, complemented for a
/// negative operator (so a negative operator is true on an empty value, as <c>FilterSemantics</c> says).
/// </summary>
internal sealed class ConditionRowFilter(string field, ValueTest[] tests, bool negated) : RowFilter
{
    public override void Evaluate(ColumnTable table, DateTimeOffset now, Span<ulong> into)
    {
        var column = table.Column(field);
        into.Clear();
        foreach (var test in tests)
        {
            test.Accumulate(column, table.RowCount, now, into);
        }

        if (negated)
        {
            for (var w = 0; w < into.Length; w++)
            {
                into[w] = ~into[w];
            }
        }
    }

    public override void Refine(ColumnTable table, DateTimeOffset now, Span<ulong> bits)
    {
        var column = table.Column(field);
        var scratch = Rent(bits.Length);
        try
        {
            var matched = scratch.AsSpan(0, bits.Length);
            matched.Clear();
            foreach (var test in tests)
            {
                test.AccumulateWithin(column, bits, now, matched);
            }

            for (var w = 0; w < bits.Length; w++)
            {
                bits[w] &= negated ? ~matched[w] : matched[w];
            }
        }
        finally
        {
            Return(scratch);
        }
    }
}
