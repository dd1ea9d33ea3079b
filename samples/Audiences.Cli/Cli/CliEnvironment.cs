using Spectre.Console;

namespace Audiences.Cli.Cli;

/// <summary>
/// What one run of the command line reads and writes. Program.cs describes the process's console;
/// tests give string writers, a stream for standard input and, to see what a terminal shows, a test console.
/// </summary>
/// <param name="Out">Standard output: results, human text or exactly one JSON document.</param>
/// <param name="Error">Standard error: errors, usage and progress lines.</param>
internal sealed record CliEnvironment(TextWriter Out, TextWriter Error)
{
    /// <summary>Opens standard input, read by <c>import csv --file -</c>.</summary>
    public Func<Stream> OpenInput { get; init; } = Console.OpenStandardInput;

    /// <summary>
    /// Standard output as a console that draws tables and progress bars, when it is a terminal; null when
    /// it is redirected, so pipes and files get plain text. When set, it writes where <see cref="Out"/> would.
    /// </summary>
    public IAnsiConsole? Terminal { get; init; }

    /// <summary>The least time between two progress lines on standard error when there is no terminal.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The process's console; a terminal only when standard output is not redirected.</summary>
    public static CliEnvironment FromConsole() => new(Console.Out, Console.Error)
    {
        Terminal = Console.IsOutputRedirected ? null : AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),

            // Drawing progress needs a terminal to write to, not to read from: 'cat file.csv | ... --file -' gets a bar too.
            Interactive = InteractionSupport.Yes,
        }),
    };
}
