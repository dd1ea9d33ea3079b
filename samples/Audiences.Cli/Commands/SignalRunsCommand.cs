using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Signals;

namespace Audiences.Cli.Commands;

/// <summary><c>signal runs NAME [--limit N]</c>: a signal's runs, newest first. --json: <c>[{...run}]</c>.</summary>
internal sealed class SignalRunsCommand : CliCommand
{
    public const int DefaultLimit = 20;

    private readonly Argument<string> _name = SignalNameArgument.Create();
    private readonly Option<int?> _limit = CommonOptions.Limit($"how many runs to show (default {DefaultLimit})");

    public SignalRunsCommand()
        : base("runs", "lists a signal's runs, newest first, with what each checked, fired and spent")
    {
        Arguments.Add(_name);
        Options.Add(_limit);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await SignalCalls.RequireAsync(session, name, cancellationToken);
        var runs = await SignalCalls.GuardAsync(
            () => session.Signals.ListRunsAsync(definition.Name, parse.GetValue(_limit) ?? DefaultLimit, cancellationToken).AsTask());
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. runs.Select(r => (JsonNode)SignalJson.Run(r))]));
        }
        else if (runs.Count == 0)
        {
            context.Out.WriteLine($"Signal '{definition.Name}' has not run yet; run it with 'signal run {definition.Name}'.");
        }
        else
        {
            SignalText.WriteRuns(context.Out, runs);
        }

        return ExitCodes.Success;
    }
}
