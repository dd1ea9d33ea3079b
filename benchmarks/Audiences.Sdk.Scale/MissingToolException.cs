namespace Audiences.Sdk.Scale;

/// <summary>A command-line tool a reference needs is not installed; the message says how to install it.</summary>
internal sealed class MissingToolException : Exception
{
    public MissingToolException()
    {
    }

    public MissingToolException(string message)
        : base(message)
    {
    }

    public MissingToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
