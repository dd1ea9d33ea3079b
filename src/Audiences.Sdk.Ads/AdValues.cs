using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Ads;

/// <summary>Reads the identifier fields of a write as text.</summary>
internal static class AdValues
{
    /// <summary>
    /// The text of field <paramref name="name"/>: text as given, a number or a date in its invariant form, the first
    /// item of a list; null when absent or empty.
    /// </summary>
    public static string? Text(IReadOnlyDictionary<string, FieldValue> values, string name)
    {
        if (!values.TryGetValue(name, out var value) || value.IsEmpty)
        {
            return null;
        }

        var text = value.Type == FieldType.TextList ? value.AsList()[0] : value.ToString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
