using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>Finds a profile's key in the destination: its key field's value, or the id of its record from the key source.</summary>
internal static class ExportKeys
{
    /// <summary>The profile's key in <paramref name="objectName"/> (the destination's object); null when it has none.</summary>
    public static string? Of(ExportDefinition definition, Profile profile, string objectName)
    {
        if (definition.KeySource is { } source)
        {
            // The oldest record from the source of the destination's own object, else the oldest from the source: a
            // person imported as a lead and then converted holds both ids, and only the contact's is a Contact's id.
            var records = profile.Sources.Select(s => s.Key).Where(k => string.Equals(k.Source, source, StringComparison.OrdinalIgnoreCase)).ToList();
            var id = records.Where(k => string.Equals(k.ObjectName, objectName, StringComparison.OrdinalIgnoreCase)).Concat(records).Select(k => k.ExternalId).FirstOrDefault();
            return id is { Length: > 0 } ? id : null;
        }

        var value = profile[definition.KeyField];
        return value.IsEmpty ? null : value.ToString();
    }

    /// <summary>Why a profile without a key is skipped.</summary>
    public static string Missing(ExportDefinition definition) =>
        definition.KeySource is { } source ? $"no record from {source}" : $"no {definition.KeyField}";
}
