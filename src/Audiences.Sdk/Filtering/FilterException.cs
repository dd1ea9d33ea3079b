namespace Audiences.Sdk.Filtering;

/// <summary>
/// A filter that cannot be read, bound or interpreted. The message says where, what was expected,
/// what was found and, for an unknown name, which known name is closest.
/// </summary>
public abstract class FilterException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    protected FilterException()
        : base("The filter is not valid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    protected FilterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error.</param>
    protected FilterException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private protected FilterException(string message, FilterPosition? position, string? expected, string? found, string? suggestion, Exception? innerException = null)
        : base(message, innerException)
    {
        Position = position;
        Expected = expected;
        Found = found;
        Suggestion = suggestion;
    }

    /// <summary>Where in the filter's text the problem is; null when the filter did not come from text.</summary>
    public FilterPosition? Position { get; }

    /// <summary>What would have been valid there, e.g. <c>an operator</c>.</summary>
    public string? Expected { get; }

    /// <summary>What was there instead, e.g. <c>'contians'</c> or <c>end of text</c>.</summary>
    public string? Found { get; }

    /// <summary>The closest known name for an unknown field, entity or collection (did you mean…?), or null.</summary>
    public string? Suggestion { get; }

    /// <summary>Builds "What went wrong at line 1, column 7: expected X, found Y. Did you mean 'z'?".</summary>
    private protected static string Compose(string problem, FilterPosition? position, string? expected, string? found, string? suggestion, string? hint)
    {
        var text = position is { } p ? $"{problem} at {p}" : problem;
        if (expected is not null)
        {
            text += $": expected {expected}";
            if (found is not null)
            {
                text += $", found {found}";
            }
        }

        text += ".";
        if (suggestion is not null)
        {
            text += $" Did you mean '{suggestion}'?";
        }

        if (hint is not null)
        {
            text += " " + hint;
        }

        return text;
    }
}
