using System.Text;

namespace Audiences.Samples.Providers;

/// <summary>
/// Keeps only the letters of a name part, lower-cased with the invariant culture: <c>Mary-Jane</c> gives
/// <c>maryjane</c>, <c>O'Neil</c> gives <c>oneil</c>.
/// </summary>
/// <remarks>
/// Accented letters stay as they are (<c>Zoë</c> gives <c>zoë</c>): stripping accents would guess at a company's
/// mail conventions, and <see cref="char.IsLetter(char)"/> already treats them as letters. The text is composed
/// (Unicode form C) first, so an accent typed as a separate combining mark is kept with its letter instead of being
/// dropped as a non-letter. Letters outside the Basic Multilingual Plane are surrogate pairs, not letters to
/// <see cref="char.IsLetter(char)"/>, and are dropped.
/// </remarks>
internal static class NameLetters
{
    public static string Of(string namePart)
    {
        var composed = namePart.Normalize(NormalizationForm.FormC);
        var letters = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (char.IsLetter(c))
            {
                letters.Append(char.ToLowerInvariant(c));
            }
        }

        return letters.ToString();
    }
}
