using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Drafts;

namespace Audiences.Cli.Commands;

/// <summary><c>draft show ID</c>: a draft and its records. --json: <c>{...draft,"items":[{"key":{...},"fields":{...}}]}</c>.</summary>
internal sealed class DraftShowCommand : CliCommand
{
    private readonly Argument<long> _id = DraftIdArgument.Create();

    public DraftShowCommand()
        : base("show", "shows a draft and the records it holds")
    {
        Arguments.Add(_id);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var draft = await DraftIdArgument.ReadAsync(session, parse.GetValue(_id), cancellationToken);
        var records = await session.Drafts.ListRecordsAsync(draft.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(DraftJson.WithRecords(draft, records));
        }
        else
        {
            context.Out.WriteLine(DraftText.Line(draft));
            if (records.Count > 0)
            {
                DraftText.WriteRecords(context.Out, records);
            }
        }

        return ExitCodes.Success;
    }
}
