using System.Text;

namespace Audiences.Sdk.Profiles;

/// <summary>Rules for field keys: snake_case ASCII, starting with a letter, at most 64 characters.</summary>
public static class FieldKey
{
    /// <summary>The longest key allowed.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="key"/> is a valid field key such as <c>work_email</c>.</summary>
    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || !char.IsAsciiLetterLower(key[0]))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Throws when <paramref name="key"/> is not a valid field key.</summary>
    /// <exception cref="ArgumentException">The key is not snake_case ASCII starting with a letter.</exception>
    public static void EnsureValid(string? key, string paramName)
    {
        if (!IsValid(key))
        {
            throw new ArgumentException(
                $"'{key}' is not a valid field key: use snake_case ASCII starting with a letter, at most {MaxLength} characters (e.g. 'work_email').",
                paramName);
        }
    }

    /// <summary>
    /// Turns a column header or display name into a key: trimmed, lower case, spaces, dashes and
    /// other separators to underscores, accents and symbols dropped (<c>"Work E-mail"</c> gives
    /// <c>work_e_mail</c>). A header that already is a key (such as a CRM's custom <c>score__c</c>) is
    /// kept as it is. Returns null when nothing usable is left.
    /// </summary>
    public static string? FromHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var trimmed = header.Trim();
        if (IsValid(trimmed))
        {
            return trimmed;
        }

        var builder = new StringBuilder(header.Length);
        foreach (var c in trimmed.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((c is ' ' or '-' or '_' or '.' or '/') && builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var key = builder.ToString().Trim('_');
        if (key.Length == 0)
        {
            return null;
        }

        if (!char.IsAsciiLetterLower(key[0]))
        {
            key = "f_" + key;
        }

        return key.Length > MaxLength ? key[..MaxLength].TrimEnd('_') : key;
    }
}
