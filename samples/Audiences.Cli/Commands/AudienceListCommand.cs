using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience list [--kind K] [--mine|--others|--drafts] [--user U]</c>: the audiences a user sees, each
/// with its active record count. Without a list option, all three lists (the user's active audiences,
/// their drafts and others' shared active audiences) together, ordered by name.
/// --json: <c>[{...audience}]</c> (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceListCommand : ICliCommand
{
    private static readonly (string Option, AudienceList List)[] Lists =
    [
        ("--mine", AudienceList.Mine),
        ("--others", AudienceList.Others),
        ("--drafts", AudienceList.Drafts),
    ];

    public IReadOnlyList<string> Path { get; } = ["audience", "list"];

    public string Summary => "lists the audiences a user sees: id, name, kind, status, visibility, creator and record count";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Kind with { Required = false, Help = "list only audiences of this kind" },
        new("--mine", null, "only the user's active audiences"),
        new("--others", null, "only other users' active audiences shared with the workspace"),
        new("--drafts", null, "only the user's drafts"),
        AudienceCommand.User("the user whose lists to show"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = options.Get("--kind") is { } value ? Names.ParseKind(value) : (Sdk.Profiles.EntityKind?)null;
        var chosen = Lists.Where(l => options.Has(l.Option)).ToList();
        if (chosen.Count > 1)
        {
            throw new UsageException($"give one of --mine, --others and --drafts (got {string.Join(" and ", chosen.Select(l => l.Option))}).");
        }

        var user = AudienceCommand.ActingUser(options);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audiences = new List<AudienceSummary>();
        foreach (var (_, list) in chosen.Count == 1 ? chosen : [.. Lists])
        {
            audiences.AddRange(await session.Audiences.ListAsync(user, list, cancellationToken));
        }

        var shown = audiences
            .Where(a => kind is null || a.Audience.Kind == kind)
            .OrderBy(a => a.Audience.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Audience.Id)
            .ToList();
        if (context.Json)
        {
            context.WriteJson(new JsonArray(shown.Select(a => (JsonNode)AudienceJson.Audience(a.Audience, a.Count)).ToArray()));
        }
        else if (shown.Count == 0)
        {
            var which = chosen.Count == 1 ? chosen[0].Option[2..] switch
            {
                "mine" => $"active audiences of {user}",
                "others" => $"shared audiences of users other than {user}",
                _ => $"drafts of {user}",
            } : $"audiences visible to {user}";
            var ofKind = kind is { } k ? $" of {Names.Plural(k)}" : string.Empty;
            context.Out.WriteLine($"No {which}{ofKind}; create one with: audience create NAME --kind person --filter \"TEXT\"");
        }
        else
        {
            AudienceText.WriteTable(context.Out, shown);
        }

        return ExitCodes.Success;
    }
}
