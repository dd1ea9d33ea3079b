namespace Audiences.Cli.Cli;

/// <summary>The command line itself is wrong: an unknown command or option, or a required option is missing. Exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
