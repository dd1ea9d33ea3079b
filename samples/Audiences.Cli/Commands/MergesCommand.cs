using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>merges --kind K</c>: the merge history in the order merges happened. --json:
/// <c>[{"survivor":"1","merged":"7","alias":{"field":"email","value":"..."},"causedBy":{...},"mergedAt":"...","reason":"...","probability":null,"undone":false,"splitAt":null}, ...]</c>.
/// <c>merges --kind K --explain ID</c>: why the records of one profile belong together. --json:
/// <c>{"profile":"1","links":[{"from":{...},"to":{...},"alias":{...},"explanation":"..."}],"unlinked":[{...}],"merges":[...]}</c>.
/// </summary>
internal sealed class MergesCommand : CliCommand
{
    private readonly Option<EntityKind> _kind = CommonOptions.Kind();
    private readonly Option<ProfileId?> _explain = new("--explain")
    {
        Description = "explains one profile: the alias that joins each of its source records, and the merges behind it",
        HelpName = "ID",
        CustomParser = Parsers.One<ProfileId?>(Explained),
    };

    public MergesCommand()
        : base("merges", "shows the merge history of a kind: which profile absorbed which, and why")
    {
        Options.Add(_kind);
        Options.Add(_explain);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        if (parse.GetValue(_explain) is { } explain)
        {
            return await ExplainAsync(context, session.Profiles, kind, explain, cancellationToken);
        }

        var merges = new List<MergeRecord>();
        await foreach (var merge in session.Profiles.ListMergesAsync(kind, cancellationToken))
        {
            merges.Add(merge);
        }

        // A merge is undone when a split names its version; a merge can only be undone once.
        var splits = new Dictionary<long, SplitRecord>();
        await foreach (var split in session.Profiles.ListSplitsAsync(kind, cancellationToken))
        {
            splits[split.MergeVersion] = split;
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray(merges.Select(m => (JsonNode)CliJson.MergeEntry(m, splits.GetValueOrDefault(m.Version))).ToArray()));
        }
        else
        {
            MergeText.WriteTable(context.Out, merges, splits);
        }

        return ExitCodes.Success;
    }

    private static async Task<int> ExplainAsync(
        CommandContext context, Sdk.IProfileService profiles, EntityKind kind, ProfileId id, CancellationToken cancellationToken)
    {
        var explanation = await profiles.ExplainAsync(id, cancellationToken);
        if (explanation is null || explanation.Profile.Kind != kind)
        {
            throw new InputException($"--explain {id}: there is no {Names.Kind(kind)} profile with that id.");
        }

        if (context.Json)
        {
            context.WriteJson(CliJson.Explanation(explanation));
        }
        else
        {
            MergeText.WriteExplanation(context.Out, explanation);
        }

        return ExitCodes.Success;
    }

    /// <exception cref="InputException">The value is not a profile id.</exception>
    private static ProfileId? Explained(string value) =>
        ProfileId.TryParse(value.Trim(), out var id)
            ? id
            : throw new InputException($"--explain '{value}' is not a profile id; give the number shown by 'profiles list' or 'merges'.");
}
