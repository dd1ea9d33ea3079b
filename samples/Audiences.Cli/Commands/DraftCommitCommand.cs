using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Drafts;
using Audiences.Cli.Output;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>draft commit ID</c>: imports an open draft's records, matched and merged like any import (ranked as search results),
/// and marks it committed. --json: <c>import csv</c>'s summary, plus <c>"draft":{...}</c> and <c>"membership"</c> when there
/// are audiences. A draft that is not open: exit 1.
/// </summary>
internal sealed class DraftCommitCommand : CliCommand
{
    private readonly Argument<long> _id = DraftIdArgument.Create();

    public DraftCommitCommand()
        : base("commit", "imports an open draft's records, matched and merged like any import")
    {
        Arguments.Add(_id);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var draft = await DraftIdArgument.ReadAsync(session, parse.GetValue(_id), cancellationToken);
        DraftIdArgument.EnsureOpen(draft, "committed");
        var result = await session.Drafts.CommitAsync(draft.Id, cancellationToken);
        draft = await DraftIdArgument.ReadAsync(session, draft.Id, cancellationToken);
        var refresh = await Membership.RefreshAsync(context, session, cancellationToken);
        if (context.Json)
        {
            var json = CliJson.ImportResult(result);
            json["draft"] = DraftJson.Draft(draft);
            Membership.AddTo(json, refresh);
            context.WriteJson(json);
        }
        else
        {
            context.Out.WriteLine($"Committed {DraftText.Line(draft)}:");
            ImportText.Write(context.Out, result);
            Membership.Write(context.Out, refresh);
        }

        return ExitCodes.Success;
    }
}
