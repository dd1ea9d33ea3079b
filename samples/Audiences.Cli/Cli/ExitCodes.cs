namespace Audiences.Cli.Cli;

/// <summary>The process exit codes, documented in the usage text.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A value, file or database named on the command line is not usable.</summary>
    public const int BadInput = 1;

    /// <summary>The command line is malformed: unknown command or option, missing required option.</summary>
    public const int Usage = 2;

    /// <summary>Something failed that no input explains; the message says what.</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
