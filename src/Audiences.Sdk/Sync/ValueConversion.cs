using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sync;

/// <summary>
/// Converts a value read from a source into the type of the field it lands on: text is parsed as a CSV cell would be
/// (<c>"0500"</c> → 500, <c>true</c>, ISO dates, <c>a;b</c> lists), anything becomes text for a text field, and other
/// pairs (a date for a number field) are refused with the value shown.
/// </summary>
internal static class ValueConversion
{
    public static bool TryConvert(FieldValue value, FieldType target, out FieldValue converted, out string reason)
    {
        reason = string.Empty;
        converted = value;
        if (value.IsEmpty || value.Type == target)
        {
            return true;
        }

        if (target == FieldType.Text)
        {
            converted = FieldValue.FromText(value.ToString());
            return true;
        }

        if (value.Type == FieldType.Text && FieldValue.TryParse(value.AsText(), target, out converted, out var error))
        {
            return true;
        }

        converted = FieldValue.Empty;
        var shown = value.ToString();
        reason = $"{value.Type.ToName()} '{(shown.Length <= 40 ? shown : string.Concat(shown.AsSpan(0, 37), "..."))}'";
        return false;
    }
}
