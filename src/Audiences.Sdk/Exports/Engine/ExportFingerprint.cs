using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>
/// A stable hash of what an export sends by: its kind, audience, mappings, membership, key, switches and destination.
/// A run whose checkpoint carries another one considers every record again. The schedule and the attempts are left
/// out: changing them changes nothing already sent.
/// </summary>
internal static class ExportFingerprint
{
    public static string Of(ExportDefinition definition)
    {
        var text = new StringBuilder();
        Line(text, "kind", EntityKindText.Word(definition.Kind));
        Line(text, "audience", definition.Audience?.ToString(CultureInfo.InvariantCulture) ?? "");
        Line(text, "key", definition.KeyField);
        Line(text, "key-source", definition.KeySource ?? "");
        Line(text, "create", definition.CreateNew ? "1" : "0");
        Line(text, "remove", definition.RemoveOnExit ? "1" : "0");
        Line(text, "destination", definition.Destination.Type.ToLowerInvariant());
        foreach (var (name, value) in definition.Destination.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Line(text, "setting", name, value);
        }

        foreach (var mapping in definition.Mappings)
        {
            Line(text, "map", mapping.Field, mapping.DestinationField, mapping.Rule.ToString());
        }

        foreach (var membership in definition.Membership)
        {
            Line(text, "member", membership.Audience.ToString(CultureInfo.InvariantCulture), membership.DestinationField,
                Value(membership.ValueIn), Value(membership.ValueOut));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Value(FieldValue value) => value.IsEmpty ? "" : $"{value.Type}:{value}";

    /// <summary>One line of parts, each with its length, so no value can pass for two.</summary>
    private static void Line(StringBuilder text, params string[] parts)
    {
        foreach (var part in parts)
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('|');
        }

        text.Append('\n');
    }
}
