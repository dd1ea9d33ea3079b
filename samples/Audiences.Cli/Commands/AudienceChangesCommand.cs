using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience changes [--after SEQ] [--limit N]</c>: the membership change feed in sequence order, from
/// the start or after a checkpoint. --json: <c>[{"sequence":N,"audience":1,"profile":"3","change":"entered","active":true,"at":"...","profileVersion":N}]</c>.
/// </summary>
internal sealed class AudienceChangesCommand : CliCommand
{
    private const string After = "--after";
    private const int DefaultLimit = 100;

    private readonly Option<long> _after = new(After)
    {
        Description = "read after this sequence (the last one already read; default 0, the start)",
        HelpName = "SEQ",
        CustomParser = Parsers.One(Sequence),
    };

    private readonly Option<int?> _limit = CommonOptions.Limit($"read at most N entries (default {DefaultLimit})");

    public AudienceChangesCommand()
        : base("changes", "reads the membership change feed: entries, exits, archives and restores in sequence order")
    {
        Options.Add(_after);
        Options.Add(_limit);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var after = parse.GetValue(_after);
        var limit = parse.GetValue(_limit) ?? DefaultLimit;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);

        // One entry past the page tells whether more follow.
        var changes = (await session.Audiences.ReadChangesAsync(after, limit == int.MaxValue ? limit : limit + 1, cancellationToken)).ToList();
        var more = changes.Count > limit;
        if (more)
        {
            changes.RemoveAt(changes.Count - 1);
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray(changes.Select(c => (JsonNode)AudienceJson.Change(c)).ToArray()));
            return ExitCodes.Success;
        }

        if (changes.Count == 0)
        {
            context.Out.WriteLine(after > 0 ? $"No membership changes after sequence {after}." : "No membership changes yet.");
            return ExitCodes.Success;
        }

        var names = new Dictionary<long, string>();
        foreach (var id in changes.Select(c => c.AudienceId).Distinct())
        {
            if (await session.Audiences.GetAsync(id, cancellationToken) is { } audience)
            {
                names[id] = audience.Name;
            }
        }

        AudienceText.WriteChanges(context.Out, changes, names);
        context.Out.WriteLine(more
            ? $"More changes follow; for the next page add {After} {changes[^1].Sequence}."
            : $"The feed ends here; to read only what comes later add {After} {changes[^1].Sequence}.");
        return ExitCodes.Success;
    }

    /// <exception cref="InputException">The value is not a whole number of at least 0.</exception>
    private static long Sequence(string value) =>
        long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new InputException($"{After} '{value}' is not a feed sequence; give the SEQ of the last change read, e.g. {After} 120.");
}
