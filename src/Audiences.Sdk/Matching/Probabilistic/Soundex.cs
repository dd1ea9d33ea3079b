namespace Audiences.Sdk.Matching.Probabilistic;

/// <summary>American Soundex of a normalized (lower-case) value: a letter and three digits; empty when the value has no ASCII letter.</summary>
internal static class Soundex
{
    // Digit of each letter a..z; '0' marks vowels and y, '-' marks h and w (which do not separate equal codes).
    private const string Codes = "01230120022455012623010202";

    public static string Encode(string value)
    {
        Span<char> code = stackalloc char[4];
        var length = 0;
        var previous = '\0';
        foreach (var c in value)
        {
            if (c is < 'a' or > 'z')
            {
                continue;
            }

            var digit = c is 'h' or 'w' ? '-' : Codes[c - 'a'];
            if (length == 0)
            {
                code[length++] = char.ToUpperInvariant(c);
                previous = digit;
                continue;
            }

            if (digit == '-')
            {
                continue;
            }

            if (digit != '0' && digit != previous)
            {
                code[length++] = digit;
                if (length == 4)
                {
                    break;
                }
            }

            previous = digit;
        }

        if (length == 0)
        {
            return string.Empty;
        }

        code[length..].Fill('0');
        return new string(code);
    }
}
