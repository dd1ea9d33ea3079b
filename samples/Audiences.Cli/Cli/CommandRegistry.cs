using Audiences.Cli.Commands;

namespace Audiences.Cli.Cli;

/// <summary>Every command, and how the words of a command line select one.</summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new DemoCommand(),
        new ImportCsvCommand(),
        new CountCommand(),
        new ProfilesListCommand(),
        new FieldsCommand(),
        new MergesCommand(),
    ];

    public static string NameOf(ICliCommand command) => string.Join(' ', command.Path);

    /// <summary>Finds the command the words name.</summary>
    /// <exception cref="UsageException">No command is named, the words name none, or words are left over.</exception>
    public static ICliCommand Resolve(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            throw new UsageException("no command given.");
        }

        var candidates = All.Where(c => c.Path[0] == words[0]).ToList();
        if (candidates.Count == 0)
        {
            throw new UsageException($"unknown command '{words[0]}'.");
        }

        var command = candidates.FirstOrDefault(c => c.Path.Count <= words.Count && c.Path.SequenceEqual(words.Take(c.Path.Count)));
        if (command is null)
        {
            var expected = string.Join(" or ", candidates.Select(c => $"'{NameOf(c)}'"));
            throw new UsageException(words.Count == 1
                ? $"'{words[0]}' needs a sub-command: {expected}."
                : $"unknown command '{words[0]} {words[1]}'; did you mean {expected}?");
        }

        if (words.Count > command.Path.Count)
        {
            throw new UsageException($"unexpected argument '{words[command.Path.Count]}' after '{NameOf(command)}'.");
        }

        return command;
    }

    /// <summary>The command the words name, for help after a usage error; null when they name none.</summary>
    public static ICliCommand? TryResolve(IReadOnlyList<string> words) =>
        words.Count == 0 ? null : All.FirstOrDefault(c => c.Path.Count <= words.Count && c.Path.SequenceEqual(words.Take(c.Path.Count)));
}
