using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience list [--kind K] [--mine|--others|--drafts|--all] [--user U]</c>: the audiences a user sees,
/// each with its active record count. Without a list option, all three lists (the user's active audiences,
/// their drafts and others' shared active audiences) together, ordered by name; with --all, every audience
/// of the workspace whoever created it, drafts and private ones included (no user: visibility does not apply).
/// --json: <c>[{...audience}]</c> (<see cref="AudienceJson.Audience"/>).
/// </summary>
internal sealed class AudienceListCommand : ICliCommand
{
    private const string AllOption = "--all";

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
        new(AllOption, null, "every audience of the workspace, whoever created it, drafts and private ones included (takes no --user)"),
        AudienceCommand.User("the user whose lists to show"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var kind = options.Get("--kind") is { } value ? Names.ParseKind(value) : (Sdk.Profiles.EntityKind?)null;
        var all = options.Has(AllOption);
        var chosen = Lists.Where(l => options.Has(l.Option)).ToList();
        if (chosen.Count + (all ? 1 : 0) > 1)
        {
            var given = chosen.Select(l => l.Option).Concat(all ? [AllOption] : []);
            throw new UsageException($"give one of --mine, --others, --drafts and --all (got {string.Join(" and ", given)}).");
        }

        // Silently ignoring a user would suggest the list was narrowed to them.
        if (all && options.Get(AudienceCommand.UserOption) is not null)
        {
            throw new UsageException($"--all lists every audience whoever created it, so it takes no {AudienceCommand.UserOption}; for one user's audiences use --mine, --others or --drafts.");
        }

        var user = all ? null : AudienceCommand.ActingUser(options);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audiences = new List<AudienceSummary>();
        if (user is null)
        {
            audiences.AddRange(await session.Audiences.ListAsync(cancellationToken));
        }
        else
        {
            foreach (var (_, list) in chosen.Count == 1 ? chosen : [.. Lists])
            {
                audiences.AddRange(await session.Audiences.ListAsync(user, list, cancellationToken));
            }
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
            var which = Nothing(user, chosen.Count == 1 ? chosen[0].Option : null, kind);
            context.Out.WriteLine($"{which}; create one with: audience create NAME --kind person --filter \"TEXT\"");
        }
        else
        {
            AudienceText.WriteTable(context.Out, shown);
        }

        return ExitCodes.Success;
    }

    /// <summary>What an empty list says: the list that was asked for (null user: the workspace's).</summary>
    private static string Nothing(string? user, string? option, Sdk.Profiles.EntityKind? kind)
    {
        var ofKind = kind is { } k ? $" of {Names.Plural(k)}" : string.Empty;
        return (user, option) switch
        {
            (null, _) => $"No audiences{ofKind} in the workspace",
            (_, "--mine") => $"No active audiences of {user}{ofKind}",
            (_, "--others") => $"No shared audiences of users other than {user}{ofKind}",
            (_, "--drafts") => $"No drafts of {user}{ofKind}",
            _ => $"No audiences visible to {user}{ofKind}",
        };
    }
}
