namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>
/// Grades <see cref="FuzzyComparisonKind.Date"/> values compared by their digits (so <c>1971-06-24</c>
/// equals <c>19710624</c>): exact; one-character typo (one digit changed, or two neighbours swapped)
/// or day and month swapped; same year and month; one level per "within N years"; else. A value that is not eight
/// digits (yyyyMMdd) can only be exact, a typo or else.
/// </summary>
internal sealed class DateGrader : LevelGrader
{
    private const int Typo = 2;
    private const int SameYearMonth = 3;
    private const int FirstWithinYears = 4;

    private readonly string[] _digits;
    private readonly double[] _maxDays;
    private readonly int _else;

    public DateGrader(IReadOnlyList<string> values, IReadOnlyList<int> years)
    {
        _digits = new string[values.Count];
        for (var i = 0; i < _digits.Length; i++)
        {
            _digits[i] = FuzzyText.Digits(values[i]);
        }

        _maxDays = [.. years.Select(y => y * 365.25)];
        _else = FirstWithinYears + _maxDays.Length;
    }

    public override int Level(int left, int right)
    {
        var a = _digits[left];
        var b = _digits[right];
        if (a == b)
        {
            return FuzzyComparison.ExactLevel;
        }

        if (IsOneTypo(a, b))
        {
            return Typo;
        }

        if (a.Length != 8 || b.Length != 8)
        {
            return _else;
        }

        var (ya, ma, da) = Parts(a);
        var (yb, mb, db) = Parts(b);
        if (ya == yb && ma == db && da == mb)
        {
            return Typo;
        }

        if (ya == yb && ma == mb)
        {
            return SameYearMonth;
        }

        // Day counts from the digits, not a calendar: a typo can make a date that does not exist.
        var days = Math.Abs(((ya - yb) * 365.25) + ((ma - mb) * 30.44) + (da - db));
        for (var i = 0; i < _maxDays.Length; i++)
        {
            if (days <= _maxDays[i])
            {
                return FirstWithinYears + i;
            }
        }

        return _else;
    }

    private static (int Year, int Month, int Day) Parts(string digits) =>
        (Number(digits.AsSpan(0, 4)), Number(digits.AsSpan(4, 2)), Number(digits.AsSpan(6, 2)));

    private static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>True when the strings have one length and differ in one position or by one swap of neighbours.</summary>
    private static bool IsOneTypo(string a, string b)
    {
        if (a.Length != b.Length || a.Length == 0)
        {
            return false;
        }

        var first = -1;
        var differences = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (++differences > 2)
                {
                    return false;
                }

                first = first < 0 ? i : first;
            }
        }

        return differences == 1
            || (first + 1 < a.Length && a[first] == b[first + 1] && a[first + 1] == b[first] && a[first + 1] != b[first + 1]);
    }
}
