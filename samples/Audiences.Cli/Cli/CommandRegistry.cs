using Audiences.Cli.Commands;
using Audiences.Sdk.Segments;

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
        new ProfilesLockCommand(),
        new ProfilesUnlockCommand(),
        new FieldsCommand(),
        new FilterParseCommand(),
        new FilterAiCommand(),
        new MergesCommand(),
        new MergesUndoCommand(),
        new ReviewListCommand(),
        new ReviewDecideCommand(accept: true),
        new ReviewDecideCommand(accept: false),
        new AudienceCreateCommand(),
        new AudienceDeriveCommand(),
        new AudienceListCommand(),
        new AudienceMembersCommand(MemberState.Active),
        new AudienceMembersCommand(MemberState.Archived),
        new AudienceArchiveCommand(archive: true),
        new AudienceArchiveCommand(archive: false),
        new AudienceExplainCommand(),
        new AudienceRecordCommand(),
        new AudienceActivateCommand(),
        new AudienceDeleteCommand(),
        new AudienceRefreshCommand(),
        new AudienceChangesCommand(),
    ];

    public static string NameOf(ICliCommand command) => string.Join(' ', command.Path);

    /// <summary>Finds the command the words name: the one with the longest path the words start with.</summary>
    /// <returns>The command, and the words after its path (its positional arguments, checked when the options are bound).</returns>
    /// <exception cref="UsageException">No command is named, or the words name none.</exception>
    public static (ICliCommand Command, IReadOnlyList<string> Arguments) Resolve(IReadOnlyList<string> words)
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

        var command = Longest(candidates, words);
        if (command is null)
        {
            var expected = string.Join(" or ", candidates.Select(c => $"'{NameOf(c)}'"));
            throw new UsageException(words.Count == 1
                ? $"'{words[0]}' needs a sub-command: {expected}."
                : $"unknown command '{words[0]} {words[1]}'; did you mean {expected}?");
        }

        return (command, words.Skip(command.Path.Count).ToList());
    }

    /// <summary>The command the words name, for help after a usage error; null when they name none.</summary>
    public static ICliCommand? TryResolve(IReadOnlyList<string> words) => words.Count == 0 ? null : Longest(All, words);

    // 'merges undo 7' names 'merges undo' rather than 'merges' with the arguments 'undo 7'.
    private static ICliCommand? Longest(IEnumerable<ICliCommand> commands, IReadOnlyList<string> words) =>
        commands
            .Where(c => c.Path.Count <= words.Count && c.Path.SequenceEqual(words.Take(c.Path.Count)))
            .MaxBy(c => c.Path.Count);
}
