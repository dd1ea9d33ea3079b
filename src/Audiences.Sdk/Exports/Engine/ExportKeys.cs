using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>Finds a profile's key in the destination: its key field's value, or the id of its record from the key source.</summary>
internal static class ExportKeys
{
    /// <summary>The profile's key; null when it has none.</summary>
    public static string? Of(ExportDefinition definition, Profile profile)
    {
        if (definition.KeySource is { } source)
        {
            // The oldest record from the source: the one the destination system gave the profile first.
            return profile.Sources
                .Select(s => s.Key)
                .FirstOrDefault(k => string.Equals(k.Source, source, StringComparison.OrdinalIgnoreCase))
                .ExternalId is { Length: > 0 } id ? id : null;
        }

        var value = profile[definition.KeyField];
        return value.IsEmpty ? null : value.ToString();
    }

    /// <summary>Why a profile without a key is skipped.</summary>
    public static string Missing(ExportDefinition definition) =>
        definition.KeySource is { } source ? $"no record from {source}" : $"no {definition.KeyField}";
}
