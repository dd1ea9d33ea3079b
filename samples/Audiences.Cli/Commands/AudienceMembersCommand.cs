using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience members ID [--limit N] [--after CURSOR]</c> and <c>audience archived ID [...]</c>: one page
/// of an audience's active (or archived) records in id order, 100 by default. --json:
/// <c>{"audience":1,"state":"active","count":N,"profiles":[...profiles list items],"next":"7"|null}</c>.
/// </summary>
internal sealed class AudienceMembersCommand(MemberState state) : ICliCommand
{
    private const string Limit = "--limit";
    private const string After = "--after";
    private const int DefaultLimit = 100;

    public IReadOnlyList<string> Path { get; } = ["audience", state == MemberState.Active ? "members" : "archived"];

    public string Summary => state == MemberState.Active
        ? "lists an audience's active records in id order, a page at a time"
        : "lists an audience's archived records (still matching, but not counted or passed on), a page at a time";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [AudienceCommand.Id];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(Limit, "N", $"list at most N records (default {DefaultLimit}); the text output says how to read the next page"),
        new(After, "CURSOR", "list only records after this profile id (the cursor the previous page ends with)"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        var command = CommandRegistry.NameOf(this);
        var limit = options.Get(Limit) is { } limitText ? CommandArguments.Limit(Limit, limitText) : DefaultLimit;
        var after = options.Get(After) is { } afterText ? CommandArguments.ProfileId(After, afterText) : (ProfileId?)null;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, options, command, cancellationToken);
        var page = state == MemberState.Active
            ? await session.Audiences.ListMembersAsync(audience.Id, after, limit, cancellationToken)
            : await session.Audiences.ListArchivedAsync(audience.Id, after, limit, cancellationToken);
        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Page(audience, state, count, page));
            return ExitCodes.Success;
        }

        var which = Names.State(state)!;
        if (page.Profiles.Count == 0)
        {
            context.Out.WriteLine(after is { } start
                ? $"{AudienceText.Capital(AudienceText.Name(audience))} has no {which} records after id {start}."
                : $"{AudienceText.Capital(AudienceText.Name(audience))} has no {which} records.");
            return ExitCodes.Success;
        }

        var heading = state == MemberState.Active
            ? $"{AudienceText.Capital(AudienceText.Name(audience))}: {AudienceText.Records(count, "active")}"
            : $"{AudienceText.Capital(AudienceText.Name(audience))}: archived records ({AudienceText.Records(count, "active")} besides)";
        context.Out.WriteLine(after is { } from ? $"{heading}; after id {from}:" : $"{heading}:");
        ProfileText.WriteTable(context.Out, page.Profiles);
        if (page.Next is { } next)
        {
            context.Out.WriteLine($"More {which} records follow; for the next page add {After} {next}.");
        }

        return ExitCodes.Success;
    }
}
