using System.Data.Common;
using System.Text;

namespace Audiences.Sdk.Warehouse;

/// <summary>What a <see cref="SqlTableDestination"/> writes to: a table of a database reached through an ADO.NET provider.</summary>
/// <param name="ProviderFactory">The provider's factory, e.g. <c>SqliteFactory.Instance</c> or <c>NpgsqlFactory.Instance</c>.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
/// <param name="Table">The table's name, as the database spells it (it is quoted, so case counts).</param>
/// <param name="KeyColumn">The column records are found by; a create inserts the key there.</param>
public sealed record SqlTableDestinationOptions(DbProviderFactory ProviderFactory, string ConnectionString, string Table, string KeyColumn)
{
    /// <summary>The table's schema, or null for the connection's default (<c>public</c> in PostgreSQL, <c>main</c> in SQLite).</summary>
    public string? Schema { get; init; }

    /// <summary>How long one command may run before the provider gives up (rounded up to seconds); null keeps the provider's default.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>How the provider's SQL names a parameter: <c>@</c> (the default), <c>:</c>, <c>$</c>, or <c>?</c> for positional parameters.</summary>
    public string ParameterMarker { get; init; } = "@";

    /// <summary>The quote around table and column names: null for the provider's own or standard double quotes; <c>`</c> or <c>[</c> otherwise.</summary>
    public string? IdentifierQuote { get; init; }

    /// <summary>The most writes one call takes, each applied in one transaction. Default 500.</summary>
    public int MaxBatchSize { get; init; } = 500;

    /// <summary>The most keys one read takes, each bound as a parameter of one <c>IN</c> list. Default 500.</summary>
    public int MaxReadSize { get; init; } = 500;

    /// <summary>The table's name with its schema, as messages name it.</summary>
    public string QualifiedName => Schema is { Length: > 0 } schema ? $"{schema}.{Table}" : Table;

    /// <summary>Describes the options without the connection string, which may hold a password.</summary>
    /// <returns>The provider, the table and the limits.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("SqlTableDestinationOptions { ");
        text.Append("ProviderFactory = ").Append(ProviderFactory?.GetType().Name)
            .Append(", Table = ").Append(QualifiedName)
            .Append(", KeyColumn = ").Append(KeyColumn)
            .Append(", CommandTimeout = ").Append(CommandTimeout)
            .Append(", ParameterMarker = ").Append(ParameterMarker)
            .Append(", IdentifierQuote = ").Append(IdentifierQuote)
            .Append(", MaxBatchSize = ").Append(MaxBatchSize)
            .Append(", MaxReadSize = ").Append(MaxReadSize)
            .Append(" }");
        return text.ToString();
    }
}
