using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Audiences.Cli.Cli;

/// <summary>
/// System.CommandLine's help, with two sections added to the root's: every command with its arguments (the
/// root lists only the first word of each), and the exit codes.
/// </summary>
internal sealed class RootHelpAction(HelpAction help) : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        var code = help.Invoke(parseResult);
        if (parseResult.CommandResult.Command is RootCommand root)
        {
            WriteCommands(parseResult.InvocationConfiguration.Output, root);
        }

        return code;
    }

    private static void WriteCommands(TextWriter output, RootCommand root)
    {
        var commands = Leaves(root).Select(c => (Label: Label(c), c.Description)).ToList();
        var width = commands.Max(c => c.Label.Length);
        output.WriteLine("All commands:");
        foreach (var (label, description) in commands)
        {
            output.WriteLine($"  {label.PadRight(width)}  {description}");
        }

        output.WriteLine();
        output.WriteLine("Exit codes: 0 success, 1 bad input (a value, file or database that cannot be used; a failed sync run),");
        output.WriteLine("2 usage error (unknown command or option, missing option or argument), 3 unexpected failure, 130 cancelled (Ctrl+C).");
        output.WriteLine($"Run '{CommandTree.Program} <command> --help' for a command's options; '@FILE' reads arguments from a file.");
        output.WriteLine();
    }

    private static IEnumerable<CliCommand> Leaves(Command command) =>
        command.Subcommands.Where(c => !c.Hidden).SelectMany(c => c is CliCommand cli ? [cli, .. Leaves(c)] : Leaves(c));

    private static string Label(CliCommand command) =>
        string.Join(' ', command.Arguments.Select(a => a.Arity.MinimumNumberOfValues == 0 ? $"[<{a.Name}>]" : $"<{a.Name}>").Prepend(command.Path));
}
