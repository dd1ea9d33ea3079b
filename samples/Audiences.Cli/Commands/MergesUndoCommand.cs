using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>merges undo ID [--kind K]</c>: undoes the merge that retired profile ID; the profile comes back
/// with the records it held and the two are kept apart from then on. --json:
/// <c>{"kind":"person","restored":"7","survivor":"1","mergeVersion":12,"restoredRecords":[{...}],"remainingRecords":[{...}],"splitAt":"...","reason":"..."}</c>.
/// </summary>
internal sealed class MergesUndoCommand : CliCommand
{
    private readonly Argument<ProfileId> _id =
        CommonOptions.ProfileId("ID", "the id of the profile that was merged away (the MERGED column of 'merges --kind K')");

    private readonly Option<EntityKind?> _kind = CommonOptions.OptionalKind("the kind of profile; when given, the id must be of that kind");

    public MergesUndoCommand()
        : base("undo", "undoes a merge: the merged profile comes back with its records, and the two are kept apart on later imports")
    {
        Arguments.Add(_id);
        Options.Add(_kind);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(_id);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        if (parse.GetValue(_kind) is { } expected && await session.Profiles.GetProfileAsync(id, cancellationToken) is { } profile && profile.Kind != expected)
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
