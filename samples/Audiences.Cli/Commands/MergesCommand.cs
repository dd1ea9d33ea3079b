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
internal sealed class MergesCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["merges"];

    public string Summary => "shows the merge history of a kind: which profile absorbed which, and why";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Kind,
        new("--explain", "ID", "explains one profile: the alias that joins each of its source records, and the merges behind it"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = Names.ParseKind(options.GetRequired("--kind"));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        if (options.Get("--explain") is { } explain)
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
        CommandContext context, Sdk.IProfileService profiles, Sdk.Profiles.EntityKind kind, string id, CancellationToken cancellationToken)
    {
        if (!Sdk.Profiles.ProfileId.TryParse(id.Trim(), out var profileId))
        {
            throw new InputException($"--explain '{id}' is not a profile id; give the number shown by 'profiles list' or 'merges'.");
        }

        var explanation = await profiles.ExplainAsync(profileId, cancellationToken);
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
}
