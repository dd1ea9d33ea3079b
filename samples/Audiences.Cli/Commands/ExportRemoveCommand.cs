using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Exports;

namespace Audiences.Cli.Commands;

/// <summary><c>export remove NAME</c>: removes an export (or ad audience); its runs and ledger stay. --json: <c>{"name","removed":true}</c>.</summary>
internal sealed class ExportRemoveCommand : CliCommand
{
    private readonly Argument<string> _name = ExportNameArgument.Create();

    public ExportRemoveCommand()
        : base("remove", "removes an export or ad audience; its runs stay, and nothing is removed from the destination")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await ExportCalls.RequireAsync(session, parse.GetRequiredValue(_name), cancellationToken);
        await session.Exports.RemoveAsync(definition.Name, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["name"] = definition.Name, ["removed"] = true });
        }
        else
        {
            context.Out.WriteLine($"Removed export '{definition.Name}'; its runs stay, and the destination keeps what it was sent.");
        }

        return ExitCodes.Success;
    }
}
