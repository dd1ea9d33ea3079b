namespace Audiences.Sdk.Filtering;

/// <summary>A place in a filter's text: zero-based offset and length, one-based line and column.</summary>
/// <param name="Offset">The zero-based character offset.</param>
/// <param name="Length">How many characters the offending part spans (0 at the end of the text).</param>
/// <param name="Line">The one-based line.</param>
/// <param name="Column">The one-based column.</param>
public readonly record struct FilterPosition(int Offset, int Length, int Line, int Column)
{
    /// <summary>Computes the line and column of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The offset is outside the text.</exception>
    public static FilterPosition In(string text, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, text.Length);
        int line = 1, column = 1;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new FilterPosition(offset, length, line, column);
    }

    /// <summary>"line L, column C".</summary>
    public override string ToString() => $"line {Line}, column {Column}";
}
