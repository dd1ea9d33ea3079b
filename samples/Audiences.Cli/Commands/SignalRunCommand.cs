using System.CommandLine;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Cli.Signals;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>signal run NAME</c>: runs a signal now, by hand, and prints the run and its companion audiences' members (the SDK
/// refreshes membership after a run that fired). A run that reaches the credit cap stops cleanly (status
/// <c>budget-reached</c>, exit 0). --json: the run (<see cref="SignalJson.Run"/>) with <c>"companions":[{...}]</c>.
/// </summary>
internal sealed class SignalRunCommand : CliCommand
{
    private readonly Argument<string> _name = SignalNameArgument.Create();

    public SignalRunCommand()
        : base("run", "runs a signal now and prints what it checked and fired, the credits it spent, and its companion audiences")
    {
        Arguments.Add(_name);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var definition = await SignalCalls.RequireAsync(session, name, cancellationToken);
        var run = await SignalCalls.GuardAsync(
            () => context.WithStatusAsync($"Running signal '{definition.Name}'", () => session.Signals.RunAsync(definition.Name, cancellationToken)));

        // Read again: the run brings back a companion someone deleted.
        definition = await SignalCalls.RequireAsync(session, definition.Name, cancellationToken);
        var companions = new List<JsonObject>();
        var lines = new List<string>();
        foreach (var companion in definition.Companions)
        {
            var audience = await session.Audiences.GetAsync(companion.Companion, cancellationToken);
            var members = audience is null ? 0 : await session.Audiences.CountAsync(audience.Id, cancellationToken);
            companions.Add(SignalJson.Companion(companion, audience, members));
            lines.Add($"  companion {(audience is null ? $"audience {companion.Companion} (deleted)" : AudienceText.Name(audience))}: {AudienceText.Records(members, "active")}");
        }

        if (context.Json)
        {
            var json = SignalJson.Run(run);
            json["companions"] = new JsonArray([.. companions]);
            context.WriteJson(json);
        }
        else
        {
            context.Out.WriteLine($"Signal '{run.Signal}', run {run.Id}:");
            SignalText.WriteRun(context.Out, run);
            foreach (var line in lines)
            {
                context.Out.WriteLine(line);
            }
        }

        if (run.Status == SignalRunStatus.Failed)
        {
            context.Error.WriteLine($"error: signal '{run.Signal}' failed: {Formats.OneLine(run.Failure ?? "no reason given")}");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }
}
