using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience members AUDIENCE [--limit N] [--after CURSOR] [--format text|csv|json]</c> and <c>audience archived ...</c>:
/// one page of an audience's active (or archived) records in id order, 100 by default. --json or --format json:
/// <c>{"audience":1,"state":"active","count":N,"profiles":[...profiles list items],"next":"7"|null}</c>.
/// --format csv: the records with every field of the kind, all of them unless --limit or --after asks for a page.
/// </summary>
internal sealed class AudienceMembersCommand : CliCommand
{
    private const int DefaultLimit = 100;

    private readonly MemberState _state;
    private readonly Argument<AudienceReference> _audience = AudienceCommand.Audience();
    private readonly Option<int?> _limit = CommonOptions.Limit(
        $"list at most N records (default {DefaultLimit}; with --format csv, all); the text output says how to read the next page");

    private readonly Option<ProfileId?> _after = CommonOptions.After("CURSOR", "list only records after this profile id (the cursor the previous page ends with)");
    private readonly Option<OutputFormat?> _format = OutputFormats.Option(
        "text (default) for a table, csv for the records with every field of their kind, json as --json");

    public AudienceMembersCommand(MemberState state)
        : base(
            state == MemberState.Active ? "members" : "archived",
            state == MemberState.Active
                ? "lists an audience's active records in id order, a page at a time, or as CSV"
                : "lists an audience's archived records (still matching, but not counted or passed on), a page at a time, or as CSV")
    {
        _state = state;
        Arguments.Add(_audience);
        Options.Add(_limit);
        Options.Add(_after);
        Options.Add(_format);
        Validators.Add(result => OutputFormats.Validate(result, _format));
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var limit = parse.GetValue(_limit);
        var after = parse.GetValue(_after);
        var format = OutputFormats.Chosen(parse.GetValue(_format), context.Json);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, parse.GetValue(_audience), Path, cancellationToken);
        if (format == OutputFormat.Csv)
        {
            await MemberListing.WriteCsvAsync(context, session, audience, _state, after, limit, cancellationToken);
            return ExitCodes.Success;
        }

        var page = await MemberListing.PageAsync(session, audience, _state, after, limit ?? DefaultLimit, cancellationToken);
        var count = await session.Audiences.CountAsync(audience.Id, cancellationToken);
        if (format == OutputFormat.Json)
        {
            context.WriteJson(AudienceJson.Page(audience, _state, count, page));
        }
        else
        {
            MemberListing.WriteText(context.Out, audience, _state, count, after, page);
        }

        return ExitCodes.Success;
    }
}
