namespace Audiences.Cli.Cli;

/// <summary>One command of the tool, e.g. <c>import csv</c>.</summary>
internal interface ICliCommand
{
    /// <summary>The words that name the command, e.g. <c>["import", "csv"]</c>.</summary>
    IReadOnlyList<string> Path { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>The positional arguments that follow the command's words, in order; none by default.</summary>
    IReadOnlyList<ArgumentSpec> Arguments => [];

    /// <summary>The options the command accepts, besides the global ones.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the command and returns the exit code.</summary>
    /// <exception cref="InputException">A value or file is not usable.</exception>
    Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken);
}
