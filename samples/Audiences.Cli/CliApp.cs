using System.CommandLine;
using System.CommandLine.Invocation;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli;

/// <summary>
/// The command-line host: parses the arguments with System.CommandLine, runs one command against the SDK
/// and returns the exit code. Program.cs calls it with the console; tests call it with string writers.
/// </summary>
public static class CliApp
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, e.g. <c>["import", "csv", "--kind", "person", "--file", "people.csv"]</c>.</param>
    /// <param name="stdout">Results: human text, or exactly one JSON document with --json.</param>
    /// <param name="stderr">Errors, usage and progress.</param>
    /// <param name="cancellationToken">Stops an import between batches (Ctrl+C).</param>
    /// <returns>0 success, 1 bad input, 2 usage error, 3 unexpected failure, 130 cancelled.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return RunAsync(args, new CliEnvironment(stdout, stderr), cancellationToken);
    }

    /// <summary>Runs the command line in an environment: standard input, and a terminal when stdout is one.</summary>
    internal static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var databasePath = Path.GetFullPath("audiences.db");
        try
        {
            var tree = new CommandTree(environment);
            var parse = tree.Root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                return ParseErrorReport.Write(parse, environment.Error);
            }

            databasePath = parse.GetValue(tree.Database)?.FullName ?? databasePath;
            var invocation = new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,

                // Failures are reported below, as one line with an exit code; Program.cs handles Ctrl+C.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            environment.Error.WriteLine(e is ImportCancelledException ? e.Message : "cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (ErrorMessages.DescribeBadInput(e, databasePath) is { } message)
        {
            environment.Error.WriteLine($"error: {message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            // A defect rather than bad input: still one line, with the type to report it by.
            environment.Error.WriteLine($"error: unexpected {e.GetType().Name}: {Formats.OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
        finally
        {
            await environment.Out.FlushAsync(CancellationToken.None);
            await environment.Error.FlushAsync(CancellationToken.None);
        }
    }
}
