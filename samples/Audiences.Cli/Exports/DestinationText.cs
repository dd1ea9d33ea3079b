using Audiences.Cli.Syncs;
using Audiences.Sdk.Destinations;

namespace Audiences.Cli.Exports;

/// <summary>
/// Destination settings as output shows them: tokens and other secrets as <c>***</c>, passwords in connection strings
/// masked, so a listing or an error can be shared or logged.
/// </summary>
internal static class DestinationText
{
    private static readonly string[] SecretWords = ["token", "secret", "password", "pwd", "key"];

    /// <summary>Whether a setting holds a secret: its name says so (a key column, and a CRM's record key, name a field and are not one).</summary>
    public static bool IsSecret(string name) =>
        !string.Equals(name, DestinationNames.Key, StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith("-column", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith("-field", StringComparison.OrdinalIgnoreCase)
        && SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>One setting's value as shown.</summary>
    public static string Shown(string name, string value) =>
        IsSecret(name) ? ConnectionText.Mask
        : string.Equals(name, DestinationNames.Connection, StringComparison.OrdinalIgnoreCase) ? ConnectionText.Masked(value)
        : value;

    /// <summary>Every setting as shown, by name in order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(DestinationSettings settings) =>
        settings.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Shown(p.Key, p.Value)));

    /// <summary>Where the export writes, in a few words: <c>csv /tmp/out.csv</c>, <c>sql table contacts, sqlite Data Source=...</c>, <c>meta act_1 / 2</c>.</summary>
    public static string Summary(DestinationSettings settings)
    {
        var type = settings.Type.ToLowerInvariant();
        return type switch
        {
            DestinationNames.Csv => $"csv {settings[DestinationNames.Path]}",
            DestinationNames.Sql =>
                $"sql table {settings[DestinationNames.Table]}, {settings[DestinationNames.Provider]} {ConnectionText.Masked(settings[DestinationNames.Connection] ?? string.Empty)}",
            _ => $"{type} {Account(settings)}".TrimEnd(),
        };
    }

    /// <summary>An ad destination's account settings: <c>ad-account=act_1 custom-audience-id=2</c> (no token, no endpoint).</summary>
    public static string Account(DestinationSettings settings) => string.Join(" ", settings.Values
        .Where(p => !IsSecret(p.Key) && p.Key != DestinationNames.Endpoint)
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Masks every secret of <paramref name="settings"/> wherever it appears in <paramref name="text"/>, e.g. in a destination's error.</summary>
    public static string Redact(string text, DestinationSettings settings)
    {
        foreach (var (name, value) in settings.Values)
        {
            if (string.Equals(name, DestinationNames.Connection, StringComparison.OrdinalIgnoreCase))
            {
                text = ConnectionText.Redact(text, value);
            }
            else if (IsSecret(name) && value.Trim() is { Length: > 2 } secret)
            {
                // Very short values would mask letters all over the message; no real token is that short.
                text = text.Replace(secret, ConnectionText.Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
