using System.Globalization;

namespace Audiences.Sdk.Sqlite.Serialization;

/// <summary>
/// Writes credits as decimal text in the invariant culture: SQLite's REAL is a double, which cannot hold 0.001 or
/// 1234567.89 exactly, while the text reads back as the same decimal, scale included.
/// </summary>
internal static class DecimalText
{
    public static string Encode(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <exception cref="InvalidDataException">The text is not a decimal the store wrote.</exception>
    public static decimal Decode(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"'{text}' is not the credit amount the store writes; the profile database was changed outside the store.");
}
