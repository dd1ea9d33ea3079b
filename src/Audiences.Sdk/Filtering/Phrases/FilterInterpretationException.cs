namespace Audiences.Sdk.Filtering;

/// <summary>A plain-language condition could not be turned into a filter condition; the message lists the fields that are known.</summary>
public sealed class FilterInterpretationException : FilterException
{
    /// <summary>Creates the exception with a default message.</summary>
    public FilterInterpretationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public FilterInterpretationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The underlying error.</param>
    public FilterInterpretationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message, naming the text and the known fields.</param>
    /// <param name="text">The text that could not be interpreted.</param>
    /// <param name="knownFields">The field names the interpreter could have used.</param>
    public FilterInterpretationException(string message, string text, IReadOnlyList<string> knownFields)
        : this(message, text, knownFields, null)
    {
    }

    /// <summary>Creates the exception with the error that caused it (e.g. the binding error of a chat model's answer).</summary>
    /// <param name="message">The full message, naming the text and the known fields.</param>
    /// <param name="text">The text that could not be interpreted.</param>
    /// <param name="knownFields">The field names the interpreter could have used.</param>
    /// <param name="innerException">The underlying error, or null.</param>
    public FilterInterpretationException(string message, string text, IReadOnlyList<string> knownFields, Exception? innerException)
        : base(message, null, null, text, null, innerException)
    {
        Text = text;
        KnownFields = knownFields;
    }

    /// <summary>The text that could not be interpreted.</summary>
    public string Text { get; } = string.Empty;

    /// <summary>The field names the interpreter knows for the entity kind.</summary>
    public IReadOnlyList<string> KnownFields { get; } = [];
}
