using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>signal remove NAME</c>: removes a signal; its runs, the values it wrote and its companion audiences stay.
/// --json: <c>{"removed":"NAME"}</c>. No such signal: exit 1.
/// </summary>
internal sealed class SignalRemoveCommand : CliCommand
{
    private readonly Argument<string> _name = SignalNameArgument.Create();

    public SignalRemoveCommand()
        : base("remove", "removes a signal (its runs, the values it wrote and its companion audiences stay)")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        if (!await session.Signals.RemoveAsync(name, cancellationToken))
        {
            throw new InputException($"there is no signal '{name}'; 'signal list' shows the signals there are.");
        }

        if (context.Json)
        {
            context.WriteJson(new JsonObject { ["removed"] = name });
        }
        else
        {
            context.Out.WriteLine($"Removed signal '{name}'; its runs, the values it wrote and its companion audiences stay.");
        }

        return ExitCodes.Success;
    }
}
