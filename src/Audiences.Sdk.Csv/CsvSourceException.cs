namespace Audiences.Sdk.Csv;

/// <summary>
/// A CSV file cannot be read as a whole: it is missing, empty, has no usable header row, or its
/// columns do not fit the options. Thrown before any row is delivered, so an import changes nothing.
/// </summary>
public sealed class CsvSourceException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CsvSourceException()
        : base("The CSV file cannot be read.")
    {
    }

    /// <summary>Creates the exception with a message that names the file and the fix.</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    public CsvSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    /// <param name="innerException">The underlying error, such as a <see cref="FileNotFoundException"/>.</param>
    public CsvSourceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The path of the file at fault, when known.</summary>
    public string? FilePath { get; init; }
}
