namespace Audiences.Samples.Providers;

/// <summary>
/// Reduces a website or domain as people type it to the bare host: <c>HTTPS://www.Acme.com/about</c> gives
/// <c>acme.com</c>. The samples compare and build addresses from this form, so one company written three ways is still one company.
/// </summary>
internal static class DomainName
{
    /// <summary>The bare, lower-case host; empty when nothing of a host is left.</summary>
    public static string Normalize(string? text)
    {
        var host = (text ?? string.Empty).AsSpan().Trim();

        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host[(scheme + 3)..];
        }

        var pathStart = host.IndexOfAny('/', '?', '#');
        if (pathStart >= 0)
        {
            host = host[..pathStart];
        }

        // "user@host" and "host:port" still name the host.
        var at = host.LastIndexOf('@');
        if (at >= 0)
        {
            host = host[(at + 1)..];
        }

        var port = host.IndexOf(':');
        if (port >= 0)
        {
            host = host[..port];
        }

        host = host.Trim().TrimEnd('.');
        if (host.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            host = host[4..];
        }

        return host.ToString().ToLowerInvariant();
    }
}
