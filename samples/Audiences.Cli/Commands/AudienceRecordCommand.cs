using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>audience record ID [--cursor C] [--next|--previous]</c>: one active record of an audience with every
/// field of its kind, filled (value and source) or empty, and its neighbours. Without --cursor the first
/// record (the last with --previous); with --cursor alone that record, with --next or --previous the one
/// after or before it. --json: <see cref="AudienceJson.Record"/> (profile null past an end).
/// </summary>
internal sealed class AudienceRecordCommand : CliCommand
{
    private readonly Argument<AudienceReference> _audience = AudienceCommand.Audience();
    private readonly Option<ProfileId?> _cursor = new("--cursor")
    {
        Description = "a profile id in the audience: show it, or with --next/--previous the record after or before it",
        HelpName = "C",
        CustomParser = Parsers.One<ProfileId?>(value => CommandArguments.ProfileId("--cursor", value)),
    };

    private readonly Option<bool> _next = CommonOptions.Flag("--next", "the record after the cursor (the first without one)");
    private readonly Option<bool> _previous = CommonOptions.Flag("--previous", "the record before the cursor (the last without one)");

    public AudienceRecordCommand()
        : base("record", "shows one active record of an audience: filled fields with their sources, empty fields, and the neighbours")
    {
        Arguments.Add(_audience);
        Options.Add(_cursor);
        Options.Add(_next);
        Options.Add(_previous);
        Validators.Add(result =>
        {
            if (result.ParsedValue(_next) && result.ParsedValue(_previous))
            {
                result.AddError("give --next or --previous, not both.");
            }
        });
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var cursor = parse.GetValue(_cursor);
        var step = parse.GetValue(_previous) ? RecordStep.Previous
            : parse.GetValue(_next) || cursor is null ? RecordStep.Next
            : RecordStep.Current;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, parse.GetValue(_audience), Path, cancellationToken);
        var detail = await session.Audiences.GetRecordAsync(audience.Id, cursor, step, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(AudienceJson.Record(audience.Id, detail));
        }
        else if (detail is not null)
        {
            AudienceText.WriteRecord(context.Out, audience, detail);
        }
        else
        {
            var name = AudienceText.Name(audience);
            context.Out.WriteLine((step, cursor) switch
            {
                (RecordStep.Current, { } at) => $"Profile {at} is not an active record of {name}.",
                (RecordStep.Next, { } at) => $"No record after {at} in {name}: it is the last.",
                (RecordStep.Previous, { } at) => $"No record before {at} in {name}: it is the first.",
                _ => $"{AudienceText.Capital(name)} has no active records.",
            });
        }

        return ExitCodes.Success;
    }
}
