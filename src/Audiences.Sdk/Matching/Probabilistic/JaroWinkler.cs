using System.Buffers;
using System.Numerics;
using System.Text;

namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// The Jaro–Winkler similarity of two strings: 1 for identical strings, 0 for strings with no
/// character in common, with a bonus for a shared prefix. Thread-safe; allocation-free for strings
/// of up to 64 characters each.
/// </summary>
/// <remarks>
/// ASCII strings of up to 64 characters (nearly every name, date and email) take a bit-parallel
/// path: each character's positions in the right string are a 64-bit mask, so finding the first
/// unmatched equal character in the window is one AND and one lowest-bit, instead of a scan of the
/// window. It finds the same matches as the textbook scan, so the result is identical.
/// </remarks>
internal static class JaroWinkler
{
    /// <summary>The weight of each shared prefix character (Winkler's <c>p</c>): 0.1.</summary>
    public const double PrefixScale = 0.1;

    /// <summary>The longest prefix that earns the bonus: 4 characters.</summary>
    public const int MaxPrefixLength = 4;

    /// <summary>The Jaro similarity above which the prefix bonus applies (Winkler's boost threshold): 0.7.</summary>
    public const double BoostThreshold = 0.7;

    private const int StackFlags = 128;

    /// <summary>Computes the Jaro–Winkler similarity, comparing characters ordinally (normalize case first).</summary>
    /// <param name="left">The first string.</param>
    /// <param name="right">The second string.</param>
    /// <returns>A similarity from 0 to 1; two empty strings are identical (1), one empty string shares nothing (0).</returns>
    public static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.SequenceEqual(right))
        {
            return 1.0;
        }

        if (left.IsEmpty || right.IsEmpty)
        {
            return 0.0;
        }

        var jaro = Jaro(left, right);
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        var limit = Math.Min(MaxPrefixLength, Math.Min(left.Length, right.Length));
        var prefix = 0;
        while (prefix < limit && left[prefix] == right[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * PrefixScale * (1.0 - jaro));
    }

    /// <summary>The Jaro similarity (without the prefix bonus) of two non-empty strings.</summary>
    private static double Jaro(ReadOnlySpan<char> left, ReadOnlySpan<char> right) =>
        left.Length <= 64 && right.Length <= 64 && Ascii.IsValid(left) && Ascii.IsValid(right)
            ? JaroBitParallel(left, right)
            : JaroScan(left, right);

    private static double JaroBitParallel(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        Span<ulong> positions = stackalloc ulong[128];
        for (var j = 0; j < right.Length; j++)
        {
            positions[right[j]] |= 1UL << j;
        }

        var window = Math.Max(0, (Math.Max(left.Length, right.Length) / 2) - 1);
        ulong matchedLeft = 0;
        ulong matchedRight = 0;
        var matches = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var low = Math.Max(0, i - window);
            var high = Math.Min(right.Length - 1, i + window);
            if (low > high)
            {
                continue;
            }

            var width = high - low + 1;
            var inWindow = (width == 64 ? ulong.MaxValue : (1UL << width) - 1) << low;
            var candidates = positions[left[i]] & inWindow & ~matchedRight;
            if (candidates != 0)
            {
                matchedRight |= candidates & (~candidates + 1);
                matchedLeft |= 1UL << i;
                matches++;
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var halfTranspositions = 0;
        while (matchedLeft != 0)
        {
            if (left[BitOperations.TrailingZeroCount(matchedLeft)] != right[BitOperations.TrailingZeroCount(matchedRight)])
            {
                halfTranspositions++;
            }

            matchedLeft &= matchedLeft - 1;
            matchedRight &= matchedRight - 1;
        }

        double m = matches;
        return ((m / left.Length) + (m / right.Length) + ((m - (halfTranspositions / 2)) / m)) / 3.0;
    }

    private static double JaroScan(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        var total = left.Length + right.Length;
        bool[]? rented = null;
        var flags = total <= StackFlags
            ? stackalloc bool[StackFlags]
            : (rented = ArrayPool<bool>.Shared.Rent(total));
        try
        {
            flags = flags[..total];
            flags.Clear();
            var leftFlags = flags[..left.Length];
            var rightFlags = flags[left.Length..];
            var window = Math.Max(0, (Math.Max(left.Length, right.Length) / 2) - 1);

            var matches = 0;
            for (var i = 0; i < left.Length; i++)
            {
                var end = Math.Min(right.Length - 1, i + window);
                for (var j = Math.Max(0, i - window); j <= end; j++)
                {
                    if (!rightFlags[j] && left[i] == right[j])
                    {
                        leftFlags[i] = true;
                        rightFlags[j] = true;
                        matches++;
                        break;
                    }
                }
            }

            if (matches == 0)
            {
                return 0.0;
            }

            var halfTranspositions = 0;
            var k = 0;
            for (var i = 0; i < left.Length; i++)
            {
                if (!leftFlags[i])
                {
                    continue;
                }

                while (!rightFlags[k])
                {
                    k++;
                }

                if (left[i] != right[k])
                {
                    halfTranspositions++;
                }

                k++;
            }

            double m = matches;
            return ((m / left.Length) + (m / right.Length) + ((m - (halfTranspositions / 2)) / m)) / 3.0;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<bool>.Shared.Return(rented);
            }
        }
    }
}
