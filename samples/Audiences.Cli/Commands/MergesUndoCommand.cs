using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>merges undo ID [--kind K]</c>: undoes the merge that retired profile ID; the profile comes back
/// with the records it held and the two are kept apart from then on. --json:
/// <c>{"kind":"person","restored":"7","survivor":"1","mergeVersion":12,"restoredRecords":[{...}],"remainingRecords":[{...}],"splitAt":"...","reason":"..."}</c>.
/// </summary>
internal sealed class MergesUndoCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["merges", "undo"];

    public string Summary => "undoes a merge: the merged profile comes back with its records, and the two are kept apart on later imports";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } =
    [
        new("ID", "the id of the profile that was merged away (the MERGED column of 'merges --kind K')"),
    ];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Kind with { Required = false, Help = "the kind of profile; when given, the id must be of that kind" },
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = options.Get("--kind") is { } value ? Names.ParseKind(value) : (Sdk.Profiles.EntityKind?)null;
        var id = CommandArguments.ProfileId("merges undo", options.GetRequiredArgument("ID"));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        if (kind is { } expected && await session.Profiles.GetProfileAsync(id, cancellationToken) is { } profile && profile.Kind != expected)
        {
            throw new InputException($"merges undo {id}: profile {id} is a {Names.Kind(profile.Kind)}, not a {Names.Kind(expected)}.");
        }

        SplitRecord split;
        try
        {
            split = await session.Profiles.UndoMergeAsync(id, cancellationToken);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            // No such id, a live id, an undone merge or a merge recorded without its records: the id is what is wrong.
            throw new InputException($"merges undo {id}: {e.Message}", e);
        }

        if (context.Json)
        {
            context.WriteJson(CliJson.Split(split));
        }
        else
        {
            var restored = await session.Profiles.GetProfileAsync(split.RestoredId, cancellationToken);
            var survivor = await session.Profiles.GetProfileAsync(split.SurvivorId, cancellationToken);
            SplitText.Write(context.Out, split, restored, survivor);
        }

        return ExitCodes.Success;
    }
}
