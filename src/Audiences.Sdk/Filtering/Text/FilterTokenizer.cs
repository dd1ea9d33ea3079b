using System.Globalization;
using System.Text;

namespace Audiences.Sdk.Filtering;

/// <summary>Splits filter text into tokens; reports bad characters, unterminated text and malformed literals with their position.</summary>
internal static class FilterTokenizer
{
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new FilterToken(TokenKind.End, text.Length, 0, string.Empty, string.Empty));
                return tokens;
            }

            var token = Next(text, i);
            tokens.Add(token);
            i = token.Offset + token.Length;
        }
    }

    private static FilterToken Next(string text, int start)
    {
        var c = text[start];
        switch (c)
        {
            case '(':
                return Simple(TokenKind.OpenParen, text, start, 1);
            case ')':
                return Simple(TokenKind.CloseParen, text, start, 1);
            case '[':
                return Simple(TokenKind.OpenBracket, text, start, 1);
            case ']':
                return Simple(TokenKind.CloseBracket, text, start, 1);
            case ',':
                return Simple(TokenKind.Comma, text, start, 1);
            case '.':
                return Simple(TokenKind.Dot, text, start, 1);
            case '=':
                return Simple(TokenKind.Comparison, text, start, 1);
            case '<' or '>':
                return Simple(TokenKind.Comparison, text, start, At(text, start + 1) == '=' ? 2 : 1);
            case '!' when At(text, start + 1) == '=':
                return Simple(TokenKind.Comparison, text, start, 2);
            case '"' or '\'':
                return ReadText(text, start);
            case '-' when char.IsAsciiDigit(At(text, start + 1)):
                return ReadNumber(text, start);
        }

        if (char.IsAsciiDigit(c))
        {
            return IsDateAhead(text, start) ? ReadDate(text, start) : ReadNumber(text, start);
        }

        if (char.IsAsciiLetter(c))
        {
            var end = start + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                end++;
            }

            return Simple(TokenKind.Identifier, text, start, end - start);
        }

        throw new FilterSyntaxException(
            "Unexpected character", FilterPosition.In(text, start, 1),
            "a field, value, operator or parenthesis", $"'{c}'");
    }

    private static FilterToken Simple(TokenKind kind, string text, int start, int length)
    {
        var raw = text.Substring(start, length);
        return new FilterToken(kind, start, length, raw, raw);
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static bool IsDateAhead(string text, int i) =>
        i + 10 <= text.Length && text[i + 4] == '-' && text[i + 7] == '-'
        && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])
        && char.IsAsciiDigit(text[i + 5]) && char.IsAsciiDigit(text[i + 6])
        && char.IsAsciiDigit(text[i + 8]) && char.IsAsciiDigit(text[i + 9]);

    private static FilterToken ReadDate(string text, int start)
    {
        var end = start + 10;
        if (At(text, end) == 'T' && char.IsAsciiDigit(At(text, end + 1)))
        {
            end++;
            while (char.IsAsciiDigit(At(text, end)) || At(text, end) is ':' or '.')
            {
                end++;
            }

            if (At(text, end) == 'Z')
            {
                end++;
            }
            else if (At(text, end) is '+' or '-' && char.IsAsciiDigit(At(text, end + 1)))
            {
                end++;
                while (char.IsAsciiDigit(At(text, end)) || At(text, end) == ':')
                {
                    end++;
                }
            }
        }

        var raw = text[start..end];
        if (!Profiles.FieldValue.TryParse(raw, Profiles.FieldType.DateTime, out _, out _))
        {
            throw new FilterSyntaxException(
                "Invalid date", FilterPosition.In(text, start, end - start),
                "a date such as 2026-01-31 or 2026-01-31T09:30:00Z", $"'{raw}'");
        }

        return new FilterToken(TokenKind.Date, start, end - start, raw, raw);
    }

    private static FilterToken ReadNumber(string text, int start)
    {
        var end = start + (text[start] == '-' ? 1 : 0);
        while (char.IsAsciiDigit(At(text, end)))
        {
            end++;
        }

        var digitsEnd = end;
        if (At(text, end) == '.' && char.IsAsciiDigit(At(text, end + 1)))
        {
            end += 2;
            while (char.IsAsciiDigit(At(text, end)))
            {
                end++;
            }
        }

        if (At(text, end) is 'e' or 'E' && (char.IsAsciiDigit(At(text, end + 1)) || (At(text, end + 1) is '+' or '-' && char.IsAsciiDigit(At(text, end + 2)))))
        {
            end += 2;
            while (char.IsAsciiDigit(At(text, end)))
            {
                end++;
            }
        }

        // A whole number followed by d, w, m or y is a duration (90d, 6m).
        if (end == digitsEnd && text[start] != '-' && At(text, end) is 'd' or 'w' or 'm' or 'y' or 'D' or 'W' or 'M' or 'Y'
            && !IsNamePart(At(text, end + 1)))
        {
            var raw = text[start..(end + 1)];
            if (!RelativeDuration.TryParse(raw, out _))
            {
                throw new FilterSyntaxException(
                    "Invalid duration", FilterPosition.In(text, start, raw.Length),
                    $"a whole number from 1 to {RelativeDuration.MaxAmount} followed by d, w, m or y", $"'{raw}'");
            }

            return new FilterToken(TokenKind.Duration, start, raw.Length, raw, raw);
        }

        if (IsNamePart(At(text, end)))
        {
            var stop = end;
            while (IsNamePart(At(text, stop)))
            {
                stop++;
            }

            throw new FilterSyntaxException(
                "Invalid number", FilterPosition.In(text, start, stop - start),
                "a number such as 500 or 2.5, or a duration such as 90d", $"'{text[start..stop]}'");
        }

        var number = text[start..end];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FilterSyntaxException("Invalid number", FilterPosition.In(text, start, end - start), "a finite number", $"'{number}'");
        }

        return new FilterToken(TokenKind.Number, start, end - start, number, number);
    }

    private static bool IsNamePart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static FilterToken ReadText(string text, int start)
    {
        var quote = text[start];
        var builder = new StringBuilder();
        var i = start + 1;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] != '\\')
            {
                builder.Append(text[i++]);
                continue;
            }

            var escape = At(text, i + 1);
            switch (escape)
            {
                case '\\' or '"' or '\'':
                    builder.Append(escape);
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 'u' when i + 6 <= text.Length
                    && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                default:
                    throw new FilterSyntaxException(
                        "Invalid escape in text", FilterPosition.In(text, i, Math.Min(2, text.Length - i)),
                        "one of \\\\ \\\" \\' \\n \\t \\r \\uXXXX", $"'\\{escape}'");
            }

            i += 2;
        }

        if (i >= text.Length)
        {
            throw new FilterSyntaxException(
                "Unterminated text", FilterPosition.In(text, start, text.Length - start),
                $"a closing {quote}", "end of text");
        }

        return new FilterToken(TokenKind.Text, start, i + 1 - start, text[start..(i + 1)], builder.ToString());
    }
}
