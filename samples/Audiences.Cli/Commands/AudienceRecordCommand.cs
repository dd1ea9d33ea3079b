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
internal sealed class AudienceRecordCommand : ICliCommand
{
    private const string Cursor = "--cursor";

    public IReadOnlyList<string> Path { get; } = ["audience", "record"];

    public string Summary => "shows one active record of an audience: filled fields with their sources, empty fields, and the neighbours";

    public IReadOnlyList<ArgumentSpec> Arguments { get; } = [AudienceCommand.Id];

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new(Cursor, "C", "a profile id in the audience: show it, or with --next/--previous the record after or before it"),
        new("--next", null, "the record after the cursor (the first without one)"),
        new("--previous", null, "the record before the cursor (the last without one)"),
    ];

    public async Task<int> RunAsync(CommandContext context, CommandOptions options, CancellationToken cancellationToken)
    {
        const string Command = "audience record";
        if (options.Has("--next") && options.Has("--previous"))
        {
            throw new UsageException("give --next or --previous, not both.");
        }

        var cursor = options.Get(Cursor) is { } text ? CommandArguments.ProfileId(Cursor, text) : (ProfileId?)null;
        var step = options.Has("--previous") ? RecordStep.Previous
            : options.Has("--next") || cursor is null ? RecordStep.Next
            : RecordStep.Current;
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var audience = await AudienceCommand.RequireAsync(session, options, Command, cancellationToken);
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
