using System.Data.Common;
using System.Text;

namespace Audiences.Sdk.Warehouse;

/// <summary>What a <see cref="SqlQuerySource"/> reads: a query over a connection of an ADO.NET provider.</summary>
/// <param name="ProviderFactory">
/// The provider's factory, e.g. <c>SqliteFactory.Instance</c>, <c>NpgsqlFactory.Instance</c>,
/// <c>SnowflakeDbFactory.Instance</c> or <c>DuckDBClientFactory.Instance</c>.
/// </param>
/// <param name="ConnectionString">The provider's connection string.</param>
/// <param name="Query">
/// One SELECT statement, read as a subquery (<c>SELECT * FROM (query) q ...</c>): no <c>ORDER BY</c> the
/// provider refuses in a subquery, no parameters, and no second statement (a trailing <c>;</c> is dropped).
/// </param>
public sealed record SqlQuerySourceOptions(DbProviderFactory ProviderFactory, string ConnectionString, string Query)
{
    /// <summary>The default <see cref="ObjectName"/>.</summary>
    public const string DefaultObjectName = "query";

    /// <summary>The name of the one object the source describes and reads. Default <c>query</c>.</summary>
    public string ObjectName { get; init; } = DefaultObjectName;

    /// <summary>
    /// How far before the previous read's start an incremental read looks again, for rows committed late with an
    /// older timestamp (a long transaction, a loader running behind, a clock running slow). It must cover the
    /// longest such delay plus any skew between the database's clock and this process's. Default 5 minutes;
    /// zero trusts the timestamps entirely.
    /// </summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one command may run before the provider gives up (rounded up to seconds); null keeps the provider's default.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>
    /// How the provider's SQL names a parameter: <c>@</c> (SQLite, PostgreSQL, SQL Server; the default), <c>:</c>
    /// (Oracle, Snowflake), <c>$</c> (DuckDB), or <c>?</c> for providers that bind by position only (ODBC).
    /// </summary>
    public string ParameterMarker { get; init; } = "@";

    /// <summary>
    /// The quote around column names the source writes (the id and timestamp fields): null for the provider's own
    /// (from its command builder) or, when it has none, standard double quotes; <c>`</c> for databases that take
    /// double quotes for text (BigQuery, MySQL through ODBC); <c>[</c> for brackets.
    /// </summary>
    public string? IdentifierQuote { get; init; }

    /// <summary>Describes the options without the connection string, which may hold a password.</summary>
    /// <returns>The provider, the object name and the read settings.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("SqlQuerySourceOptions { ");
        text.Append("ProviderFactory = ").Append(ProviderFactory?.GetType().Name)
            .Append(", ObjectName = ").Append(ObjectName)
            .Append(", Overlap = ").Append(Overlap)
            .Append(", CommandTimeout = ").Append(CommandTimeout)
            .Append(", ParameterMarker = ").Append(ParameterMarker)
            .Append(", IdentifierQuote = ").Append(IdentifierQuote)
            .Append(" }");
        return text.ToString();
    }
}
