using System.Data.Common;
using System.Text.RegularExpressions;

namespace Audiences.Cli.Syncs;

/// <summary>
/// Connection strings as output shows them: passwords replaced by <c>***</c>, so a listing can be shared or logged. A
/// source with an access token instead (Salesforce, HubSpot) has the whole token masked the same way.
/// </summary>
internal static partial class ConnectionText
{
    public const string Mask = "***";

    private static readonly string[] SecretKeys = ["password", "pwd"];

    /// <summary>The connection string as written, with the value of every password (or pwd) setting masked.</summary>
    public static string Masked(string connection) => SecretSetting().Replace(connection, match => $"{match.Groups["key"].Value}={Mask}");

    /// <summary>The secret a source's output must never show: its connection string (whose passwords are masked) or its token.</summary>
    public static string? SecretOf(Audiences.Sdk.Sources.SourceSettings source) => source["connection"] ?? source["token"];

    /// <summary>Whether a setting of a source holds a secret shown only as <c>***</c>.</summary>
    public static bool IsSecretSetting(string name) => string.Equals(name, "token", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Masks the passwords of <paramref name="connection"/> wherever they appear in <paramref name="text"/>, e.g. in a
    /// provider's error; a token (no <c>key=value</c> setting) is masked whole.
    /// </summary>
    public static string Redact(string text, string? connection)
    {
        if (connection is null)
        {
            return text;
        }

        if (!Setting().IsMatch(connection))
        {
            // Very short values would mask letters all over the message; no real token is that short.
            return connection.Trim() is { Length: > 2 } token ? text.Replace(token, Mask, StringComparison.Ordinal) : text;
        }

        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = connection };
        }
        catch (ArgumentException)
        {
            return text.Replace(connection, Mask, StringComparison.Ordinal);
        }

        foreach (var key in SecretKeys)
        {
            // A password of one or two characters would mask every such letter of the message and leave it unreadable.
            if (builder.TryGetValue(key, out var value) && value is string { Length: > 2 } secret)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text.Replace(connection, Masked(connection), StringComparison.Ordinal);
    }

    // A setting starts the text or follows a ';'; its value is quoted (quotes doubled inside) or runs to the next ';'.
    [GeneratedRegex("""(?<=^|;)\s*(?<key>password|pwd)\s*=\s*(?:"(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSetting();

    // A connection string starts with a setting's name and '='; a token's trailing '=' (base64 padding) follows no name.
    [GeneratedRegex("""^\s*[A-Za-z][A-Za-z0-9 _]*\s*=(?!=)""")]
    private static partial Regex Setting();
}
