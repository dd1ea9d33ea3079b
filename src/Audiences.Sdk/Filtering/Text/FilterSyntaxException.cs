namespace Audiences.Sdk.Filtering;

/// <summary>The filter text does not follow the syntax; <see cref="FilterException.Position"/> is always set.</summary>
public sealed class FilterSyntaxException : FilterException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FilterSyntaxException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public FilterSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error.</param>
    public FilterSyntaxException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What went wrong, e.g. <c>Unknown operator</c>.</param>
    /// <param name="position">Where.</param>
    /// <param name="expected">What would have been valid.</param>
    /// <param name="found">What was found instead.</param>
    /// <param name="hint">An optional sentence saying how to fix it.</param>
    public FilterSyntaxException(string problem, FilterPosition position, string expected, string found, string? hint = null)
        : base(Compose(problem, position, expected, found, null, hint), position, expected, found, null)
    {
    }
}
