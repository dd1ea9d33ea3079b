using System.Text;

namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>The one normalization every value of a <see cref="FuzzyRecordTable"/> goes through.</summary>
internal static class FuzzyText
{
    /// <summary>
    /// Trims, lower-cases (invariant culture) and collapses runs of white space to one space; writes
    /// the result into <paramref name="buffer"/> (at least as long as the value) and returns its length.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return length;
    }

    /// <summary>Normalizes a value; null when nothing but white space remains.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var length = Normalize(value, buffer);
        return new string(buffer[..length]);
    }

    /// <summary>Keeps the digits of a value (for dates written as <c>1971-06-24</c> or <c>19710624</c>).</summary>
    public static string Digits(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
