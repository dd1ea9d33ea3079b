namespace Audiences.Sdk.Filtering;

/// <summary>
/// The filter does not fit the field catalog: an unknown field, entity or collection, an operator
/// the field's type does not support, or a value of the wrong type. Raised before anything runs.
/// </summary>
public sealed class FilterBindingException : FilterException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FilterBindingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public FilterBindingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error.</param>
    public FilterBindingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="problem">What went wrong, e.g. <c>Unknown field 'titel'</c>.</param>
    /// <param name="position">Where in the text, when the filter was parsed from text.</param>
    /// <param name="expected">What would have been valid.</param>
    /// <param name="found">What was found instead.</param>
    /// <param name="suggestion">The closest known name, for an unknown name.</param>
    /// <param name="field">The field path concerned, if any.</param>
    public FilterBindingException(string problem, FilterPosition? position, string? expected, string? found, string? suggestion = null, string? field = null)
        : base(Compose(problem, position, expected, found, suggestion, null), position, expected, found, suggestion)
    {
        Field = field;
    }

    /// <summary>The field path concerned, if any.</summary>
    public string? Field { get; }
}
