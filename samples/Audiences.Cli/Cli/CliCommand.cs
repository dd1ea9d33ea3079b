using System.CommandLine;

namespace Audiences.Cli.Cli;

/// <summary>
/// A command that runs, as opposed to a group such as <c>audience</c>. Its options and arguments are typed
/// System.CommandLine symbols, which the parser checks and converts; <see cref="RunAsync"/> reads their values.
/// </summary>
internal abstract class CliCommand(string name, string description) : Command(name, description)
{
    /// <summary>The words that name the command, e.g. <c>audience members</c>, as messages name it.</summary>
    public string Path => PathOf(this);

    /// <summary>The words that name a command or group: its groups' names, then its own.</summary>
    public static string PathOf(Command command) => command.Parents.OfType<Command>().FirstOrDefault() is { } parent and not RootCommand
        ? $"{PathOf(parent)} {command.Name}"
        : command.Name;

    /// <summary>Runs the command and returns the exit code.</summary>
    /// <exception cref="InputException">A value, file or database named on the command line is not usable.</exception>
    public abstract Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken);
}
