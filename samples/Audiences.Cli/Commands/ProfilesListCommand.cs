using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>profiles list --kind K [--filter TEXT] [--limit N] [--after ID]</c>: the live profiles in id
/// order (oldest first), or those matching the filter (evaluated by the store), optionally one page
/// at a time. --json:
/// <c>[{"id":"...","aliases":{"email":[...]},"sources":[{"source":"crm","object":"people","id":"42"}],"fields":{"title":"CTO"}}, ...]</c>.
/// A filter error prints the message and a caret under the place on stderr, exit 1.
/// </summary>
internal sealed class ProfilesListCommand : CliCommand
{
    private readonly Option<EntityKind> _kind = CommonOptions.Kind();
    private readonly Option<string> _filter =
        CommonOptions.Filter("list only the profiles matching the filter, e.g. \"title contains 'VP'\" (syntax: docs/filters.md)");

    private readonly Option<int?> _limit = CommonOptions.Limit("list at most N profiles (a page); the text output says how to read the next one");
    private readonly Option<ProfileId?> _after = CommonOptions.After("ID", "list only profiles with a larger id (the last id of the previous page)");

    public ProfilesListCommand()
        : base("list", "lists the profiles of a kind, or those matching a filter, with their aliases, sources and values")
    {
        Options.Add(_kind);
        Options.Add(_filter);
        Options.Add(_limit);
        Options.Add(_after);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var kind = parse.GetValue(_kind);
        var text = parse.GetValue(_filter);
        var limit = parse.GetValue(_limit);
        var after = parse.GetValue(_after);

        // One profile past the page tells whether another page follows.
        var read = limit is { } size && size < int.MaxValue ? size + 1 : (int?)null;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        List<Profile> profiles;
        string? filterText = null;
        if (text is null)
        {
            profiles = await PageAsync(session.Profiles.ListProfilesAsync(kind, cancellationToken), after, read, cancellationToken);
        }
        else
        {
            var filter = await FilterOption.BindAsync(context, session, kind, text, cancellationToken);
            if (filter is null)
            {
                return ExitCodes.BadInput;
            }

            filterText = filter.ToString();
            profiles = await FilterOption.EvaluateAsync(
                () => PageAsync(session.Profiles.ListProfilesAsync(filter, after, read, cancellationToken), null, null, cancellationToken));
        }

        var more = profiles.Count > limit;
        if (more)
        {
            profiles.RemoveAt(profiles.Count - 1);
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray(profiles.Select(p => (JsonNode)CliJson.Profile(p)).ToArray()));
        }
        else if (profiles.Count == 0)
        {
            context.Out.WriteLine(Nothing(kind, filterText, after));
        }
        else
        {
            ProfileText.WriteTable(context.Out, profiles);
            if (more)
            {
                context.Out.WriteLine($"More {Names.Plural(kind)} follow; for the next page add --after {profiles[^1].Id}.");
            }
        }

        return ExitCodes.Success;
    }

    // The unfiltered listing streams every profile in id order, so its pages are cut here; the filtered one is paged by the store.
    private static async Task<List<Profile>> PageAsync(
        IAsyncEnumerable<Profile> profiles, ProfileId? after, int? limit, CancellationToken cancellationToken)
    {
        var page = new List<Profile>();
        await foreach (var profile in profiles.WithCancellation(cancellationToken))
        {
            if (after is { } start && profile.Id <= start)
            {
                continue;
            }

            page.Add(profile);
            if (page.Count == limit)
            {
                break;
            }
        }

        return page;
    }

    private static string Nothing(EntityKind kind, string? filter, ProfileId? after)
    {
        var people = Names.Plural(kind);
        var afterText = after is { } id ? $" after id {id}" : string.Empty;
        return filter is not null
            ? $"No {people}{afterText} match {filter}."
            : after is not null ? $"No {people}{afterText}." : $"No {people} yet.";
    }
}
