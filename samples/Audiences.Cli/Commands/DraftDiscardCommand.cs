using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Drafts;

namespace Audiences.Cli.Commands;

/// <summary><c>draft discard ID</c>: drops an open draft's records; nothing reaches the profiles. --json: the draft. Not open: exit 1.</summary>
internal sealed class DraftDiscardCommand : CliCommand
{
    private readonly Argument<long> _id = DraftIdArgument.Create();

    public DraftDiscardCommand()
        : base("discard", "drops an open draft's records without importing them")
    {
        Arguments.Add(_id);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var draft = await DraftIdArgument.ReadAsync(session, parse.GetValue(_id), cancellationToken);
        DraftIdArgument.EnsureOpen(draft, "discarded");
        draft = await session.Drafts.DiscardAsync(draft.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(DraftJson.Draft(draft));
        }
        else
        {
            context.Out.WriteLine($"Discarded {DraftText.Line(draft)}; nothing reached the profiles.");
        }

        return ExitCodes.Success;
    }
}
