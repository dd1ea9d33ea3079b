using System.Data.Common;

namespace Audiences.Cli.Syncs;

/// <summary>Connection strings as output shows them: passwords replaced by <c>***</c>, so a listing can be shared or logged.</summary>
internal static class ConnectionText
{
    public const string Mask = "***";

    private static readonly string[] SecretKeys = ["password", "pwd"];

    /// <summary>The connection string with every password masked; unparsable text is masked whole, since it cannot be checked.</summary>
    public static string Masked(string connection)
    {
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = connection };
        }
        catch (ArgumentException)
        {
            return Mask;
        }

        var masked = false;
        foreach (var key in SecretKeys)
        {
            if (builder.ContainsKey(key))
            {
                builder[key] = Mask;
                masked = true;
            }
        }

        return masked ? builder.ConnectionString : connection;
    }

    /// <summary>Masks the passwords of <paramref name="connection"/> wherever they appear in <paramref name="text"/>, e.g. in a provider's error.</summary>
    public static string Redact(string text, string? connection)
    {
        if (connection is null)
        {
            return text;
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
            if (builder.TryGetValue(key, out var value) && value is string { Length: > 0 } secret)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text.Replace(connection, Masked(connection), StringComparison.Ordinal);
    }
}
