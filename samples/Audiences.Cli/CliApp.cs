using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli;

/// <summary>
/// The command-line host: parses the arguments, runs one command against the SDK and returns the
/// exit code. Program.cs calls it with the console; tests call it with string writers.
/// </summary>
public static class CliApp
{
    // The options that take no value, global or of any command: the split into words and options must
    // know them before the command is known (audience create NAME --draft --kind person ...).
    private static readonly HashSet<string> Flags = new(
        Usage.GlobalOptions.Concat(CommandRegistry.All.SelectMany(c => c.Options)).Where(o => o.IsFlag).Select(o => o.Name),
        StringComparer.Ordinal);

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
        return RunAsync(args, stdout, stderr, DefaultProgressInterval, cancellationToken);
    }

    /// <summary>The least time between two progress lines: short imports stay quiet, long ones show they move.</summary>
    internal static TimeSpan DefaultProgressInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs the command line with another progress interval (zero prints a line per batch).</summary>
    internal static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, TimeSpan progressInterval, CancellationToken cancellationToken)
    {
        CommandLine? line = null;
        var databasePath = Path.GetFullPath("audiences.db");
        try
        {
            line = CommandLine.Parse(args, Flags);
            var globals = line.Options.Where(o => IsGlobal(o.Key)).ToList();
            var global = CommandOptions.Bind("global options", Usage.GlobalOptions, globals);
            if (global.Has("--help"))
            {
                return Help(line.Words, stdout);
            }

            if (line.Words.Count > 0 && line.Words[0] == "help")
            {
                return Help(line.Words.Skip(1).ToList(), stdout);
            }

            var (command, arguments) = CommandRegistry.Resolve(line.Words);
            var options = CommandOptions.Bind(
                CommandRegistry.NameOf(command), command.Options, line.Options.Where(o => !IsGlobal(o.Key)), command.Arguments, arguments);
            databasePath = DatabasePath(global.Get("--db"));
            var context = new CommandContext(stdout, stderr, global.Has("--json"), databasePath, progressInterval);
            return await command.RunAsync(context, options, cancellationToken);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {Formats.OneLine(e.Message)}");
            // When splitting failed, the leading words still name the command whose usage helps.
            var words = line?.Words ?? args.TakeWhile(a => !a.StartsWith('-')).ToList();
            Usage.WriteShort(stderr, CommandRegistry.TryResolve(words));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine(e is ImportCancelledException ? e.Message : "cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (ErrorMessages.DescribeBadInput(e, databasePath) is { } message)
        {
            stderr.WriteLine($"error: {message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e)
        {
            // A defect rather than bad input: still one line, with the type to report it by.
            stderr.WriteLine($"error: unexpected {e.GetType().Name}: {Formats.OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
        finally
        {
            await stdout.FlushAsync(CancellationToken.None);
            await stderr.FlushAsync(CancellationToken.None);
        }
    }

    private static bool IsGlobal(string option) => Usage.GlobalOptions.Any(o => o.Name == option);

    private static int Help(IReadOnlyList<string> words, TextWriter stdout)
    {
        if (CommandRegistry.TryResolve(words) is { } command)
        {
            Usage.WriteCommand(stdout, command);
        }
        else
        {
            Usage.WriteFull(stdout);
        }

        return ExitCodes.Success;
    }

    private static string DatabasePath(string? value)
    {
        if (value is null)
        {
            return Path.GetFullPath("audiences.db");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InputException("--db is empty; name the database file, e.g. --db audiences.db.");
        }

        try
        {
            return Path.GetFullPath(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException($"--db '{value}' is not a usable path: {e.Message}", e);
        }
    }
}
