using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>
/// Reads the filter text syntax (docs/filters.md) into a <see cref="Filter"/> tree; a hand-written
/// recursive-descent parser. Keywords ignore case; <c>and</c> binds tighter than <c>or</c>.
/// </summary>
/// <remarks>Thread-safe: every call works on its own state.</remarks>
public static class FilterParser
{
    /// <summary>Parses filter text without checking it against a catalog; literals stay as written.</summary>
    /// <param name="text">The filter, e.g. <c>title contains "VP" and company.employee_count &lt; 500</c>.</param>
    /// <returns>The filter tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FilterSyntaxException">The text does not follow the syntax; the error names the position, what was expected and what was found.</exception>
    public static Filter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new FilterParserState(text, new SourceMap(text)).ParseAll();
    }

    /// <summary>Parses filter text and binds it to a catalog, so unknown fields and type mismatches are reported with their position.</summary>
    /// <param name="text">The filter text.</param>
    /// <param name="kind">The entity kind the filter selects.</param>
    /// <param name="catalog">The fields, related collections and linked entities that exist.</param>
    /// <returns>The bound filter, its values converted to the fields' types.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FilterSyntaxException">The text does not follow the syntax.</exception>
    /// <exception cref="FilterBindingException">A name is unknown (with a did-you-mean), an operator does not fit the field's type, or a value has the wrong type.</exception>
    public static BoundFilter Parse(string text, EntityKind kind, IFilterCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        var map = new SourceMap(text);
        var filter = new FilterParserState(text, map).ParseAll();
        return FilterBinder.Bind(filter, kind, catalog, map);
    }
}
