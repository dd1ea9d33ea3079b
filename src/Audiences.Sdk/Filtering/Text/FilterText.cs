using System.Text;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// The one text comparison every store uses: case is ignored for all of Unicode by folding both
/// sides with <see cref="Fold"/> and comparing ordinally (<c>"ÉLODIE" = "élodie"</c>).
/// </summary>
public static class FilterText
{
    /// <summary>
    /// Folds text for comparison: Unicode normalization form C (so composed and decomposed accents
    /// agree), then the invariant culture's upper case. Stores that compare elsewhere (SQL) store or
    /// compute this form, since their own case folding often covers ASCII only.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return normalized.ToUpperInvariant();
    }

    /// <summary>Whether two texts are equal ignoring case.</summary>
    public static bool Equal(string left, string right) => string.Equals(Fold(left), Fold(right), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> contains <paramref name="part"/> ignoring case.</summary>
    public static bool Contains(string text, string part) => Fold(text).Contains(Fold(part), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> starts with <paramref name="prefix"/> ignoring case.</summary>
    public static bool StartsWith(string text, string prefix) => Fold(text).StartsWith(Fold(prefix), StringComparison.Ordinal);

    /// <summary>Whether <paramref name="text"/> ends with <paramref name="suffix"/> ignoring case.</summary>
    public static bool EndsWith(string text, string suffix) => Fold(text).EndsWith(Fold(suffix), StringComparison.Ordinal);
}
