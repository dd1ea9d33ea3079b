namespace Audiences.Cli.Cli;

/// <summary>The command line is well formed but a value or a file it names is not usable. Exit code 1.</summary>
internal sealed class InputException : Exception
{
    public InputException()
    {
    }

    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
