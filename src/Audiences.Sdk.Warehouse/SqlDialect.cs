using System.Data.Common;

namespace Audiences.Sdk.Warehouse;

/// <summary>How one provider's SQL quotes an identifier and names a parameter.</summary>
internal sealed class SqlDialect
{
    private readonly DbProviderFactory _factory;
    private readonly string? _quote;

    public SqlDialect(DbProviderFactory factory, string parameterMarker, string? identifierQuote = null)
    {
        _factory = factory;
        Marker = parameterMarker;
        _quote = identifierQuote;
    }

    /// <summary>The parameter marker: <c>@</c>, <c>:</c>, <c>$</c>, or <c>?</c> for positional parameters.</summary>
    public string Marker { get; }

    /// <summary>Whether <paramref name="marker"/> is one the source can write.</summary>
    public static bool IsMarker(string? marker) => marker is "@" or ":" or "$" or "?";

    /// <summary>Whether <paramref name="quote"/> is one the source can write: null (the provider's), <c>"</c>, <c>`</c> or <c>[</c>.</summary>
    public static bool IsQuote(string? quote) => quote is null or "\"" or "`" or "[";

    /// <summary>
    /// Quotes a column name with the quote the options name, else with the provider's own rules when its command
    /// builder has them, else with standard SQL double quotes (a quote inside doubled), so names such as
    /// <c>select</c> or <c>sign up date</c> work.
    /// </summary>
    public string Quote(string identifier)
    {
        switch (_quote)
        {
            case "[":
                return "[" + identifier.Replace("]", "]]", StringComparison.Ordinal) + "]";
            case { } quote:
                return quote + identifier.Replace(quote, quote + quote, StringComparison.Ordinal) + quote;
        }

        try
        {
            using var builder = _factory.CreateCommandBuilder();
            if (builder is not null)
            {
                return builder.QuoteIdentifier(identifier);
            }
        }
        catch (Exception ex) when (ex is NotSupportedException or NotImplementedException or InvalidOperationException or ArgumentException)
        {
            // Some providers have no command builder (DuckDB throws for one), the base builder does not quote, and
            // some builders need a connection to: the standard quotes serve them all.
        }

        return "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>The text that stands for the parameter at <paramref name="index"/> (0-based, in the order of appearance).</summary>
    public string Placeholder(int index) => Marker == "?" ? "?" : Marker + ParameterName(index);

    /// <summary>The parameter's name: <c>p0</c>, <c>p1</c>, ... or, for positional parameters, <c>1</c>, <c>2</c>, ...</summary>
    public string ParameterName(int index) =>
        Marker == "?" ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
