using System.CommandLine;
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
internal sealed class AudienceListCommand : CliCommand
{
    private readonly Option<Sdk.Profiles.EntityKind?> _kind = CommonOptions.OptionalKind("list only audiences of this kind");
    private readonly (Option<bool> Option, AudienceList List)[] _lists =
    [
        (CommonOptions.Flag("--mine", "only the user's active audiences"), AudienceList.Mine),
        (CommonOptions.Flag("--others", "only other users' active audiences shared with the workspace"), AudienceList.Others),
        (CommonOptions.Flag("--drafts", "only the user's drafts"), AudienceList.Drafts),
    ];

    private readonly Option<bool> _all =
        CommonOptions.Flag("--all", "every audience of the workspace, whoever created it, drafts and private ones included (takes no --user)");

    private readonly Option<string?> _user = AudienceCommand.User("the user whose lists to show");

    public AudienceListCommand()
        : base("list", "lists the audiences a user sees: id, name, kind, status, visibility, creator and record count")
    {
        Options.Add(_kind);
        foreach (var (option, _) in _lists)
        {
            Options.Add(option);
        }

        Options.Add(_all);
        Options.Add(_user);
        Validators.Add(Validate);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        var chosen = _lists.Where(l => parse.GetValue(l.Option)).ToList();
        var user = parse.GetValue(_all) ? null : AudienceCommand.ActingUser(parse.GetValue(_user));
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audiences = new List<AudienceSummary>();
        if (user is null)
        {
            audiences.AddRange(await session.Audiences.ListAsync(cancellationToken));
        }
        else
        {
            foreach (var (_, list) in chosen.Count == 1 ? chosen : [.. _lists])
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
            var which = Nothing(user, chosen.Count == 1 ? chosen[0].Option.Name : null, kind);
            context.Out.WriteLine($"{which}; create one with: audience create NAME --kind person --filter \"TEXT\"");
        }
        else
        {
            AudienceText.WriteTable(context.Out, shown);
        }

        return ExitCodes.Success;
    }

    // One list at a time; and --all takes no user, since silently ignoring one would suggest the list was narrowed to them.
    private void Validate(System.CommandLine.Parsing.CommandResult result)
    {
        var given = _lists.Select(l => l.Option).Append(_all).Where(o => result.ParsedValue(o)).Select(o => o.Name).ToList();
        if (given.Count > 1)
        {
            result.AddError($"give one of --mine, --others, --drafts and --all (got {string.Join(" and ", given)}).");
        }
        else if (result.ParsedValue(_all) && result.GetResult(_user) is not null)
        {
            result.AddError("--all lists every audience whoever created it, so it takes no --user; for one user's audiences use --mine, --others or --drafts.");
        }
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
