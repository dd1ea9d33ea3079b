using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Matching;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>merges --kind K</c>: the merge history in the order merges happened. --json:
/// <c>[{"survivor":"1","merged":"7","alias":{"field":"email","value":"..."},"causedBy":{...},"mergedAt":"...","reason":"..."}, ...]</c>.
/// </summary>
internal sealed class MergesCommand : ICliCommand
{
    public IReadOnlyList<string> Path { get; } = ["merges"];

    public string Summary => "shows the merge history of a kind: which profile absorbed which, and why";

    public IReadOnlyList<OptionSpec> Options { get; } = [CommonOptions.Kind];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = Names.ParseKind(options.GetRequired("--kind"));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var merges = new List<MergeRecord>();
        await foreach (var merge in session.Profiles.ListMergesAsync(kind, cancellationToken))
        {
            merges.Add(merge);
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray(merges.Select(m => (JsonNode)CliJson.Merge(m)).ToArray()));
        }
        else
        {
            MergeText.WriteTable(context.Out, merges);
        }

        return ExitCodes.Success;
    }
}
