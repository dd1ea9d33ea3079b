namespace Audiences.Sdk.Warehouse;

/// <summary>The checked settings of a <see cref="SqlQuerySource"/>, as its reads use them.</summary>
/// <param name="ObjectName">The one object's name.</param>
/// <param name="Query">The query, one statement without trailing semicolons.</param>
/// <param name="Dialect">The provider's quoting and parameter naming.</param>
/// <param name="Overlap">How far before a previous read's start an incremental read looks again.</param>
/// <param name="CommandTimeout">The command timeout, or null for the provider's.</param>
internal sealed record SqlReadSettings(string ObjectName, string Query, SqlDialect Dialect, TimeSpan Overlap, TimeSpan? CommandTimeout)
{
    /// <summary>Checks <paramref name="options"/> and keeps what reads need.</summary>
    /// <exception cref="ArgumentException">An option is blank or out of range, or the query holds a second statement or a parameter.</exception>
    public static SqlReadSettings From(SqlQuerySourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.ProviderFactory, nameof(options));
        if (string.IsNullOrWhiteSpace(options.ObjectName))
        {
            throw new ArgumentException("The SQL source needs an object name (the default is 'query').", nameof(options));
        }

        var name = options.ObjectName;
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException($"The SQL source '{name}' needs a connection string.", nameof(options));
        }

        if (options.Overlap < TimeSpan.Zero)
        {
            throw new ArgumentException($"The overlap of the SQL source '{name}' is {options.Overlap}; make it zero or more.", nameof(options));
        }

        if (options.CommandTimeout is { } timeout && (timeout <= TimeSpan.Zero || timeout.TotalSeconds > int.MaxValue))
        {
            throw new ArgumentException($"The command timeout of the SQL source '{name}' is {timeout}; make it positive, or null for the provider's.", nameof(options));
        }

        if (!SqlDialect.IsMarker(options.ParameterMarker))
        {
            throw new ArgumentException(
                $"The parameter marker of the SQL source '{name}' is '{options.ParameterMarker}'; use '@', ':', '$' or '?'.", nameof(options));
        }

        if (!SqlDialect.IsQuote(options.IdentifierQuote))
        {
            throw new ArgumentException(
                $"The identifier quote of the SQL source '{name}' is '{options.IdentifierQuote}'; use '\"', '`', '[', or null for the provider's.", nameof(options));
        }

        var query = SqlQueryText.Check(options.Query, options.ParameterMarker, name);
        var dialect = new SqlDialect(options.ProviderFactory, options.ParameterMarker, options.IdentifierQuote);
        return new SqlReadSettings(name, query, dialect, options.Overlap, options.CommandTimeout);
    }
}
