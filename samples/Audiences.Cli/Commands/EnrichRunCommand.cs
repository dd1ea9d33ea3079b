using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>enrich run NAME [--force]</c>: runs an enrichment now, by hand, and prints the run. A run that reaches the credit
/// cap stops cleanly (status <c>budget-reached</c>, exit 0); a failed run is printed like any other, then exit 1.
/// --json: the run (<see cref="EnrichmentJson.Run"/>), its credits this run's alone.
/// </summary>
internal sealed class EnrichRunCommand : CliCommand
{
    private readonly Argument<string> _name = EnrichNameArgument.Create();
    private readonly Option<bool> _force = CommonOptions.Flag("--force", "look up again, and pay again for, records already looked up with the same inputs");

    public EnrichRunCommand()
        : base("run", "runs an enrichment now and prints what it looked up, wrote, skipped, failed and gated, and the credits it spent")
    {
        Arguments.Add(_name);
        Options.Add(_force);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var name = parse.GetRequiredValue(_name);
        var force = parse.GetValue(_force);
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var run = await EnrichmentCalls.GuardAsync(
            () => context.WithStatusAsync($"Running enrichment '{name}'", () => session.Enrichments.RunAsync(name, force, cancellationToken)));
        if (context.Json)
        {
            context.WriteJson(EnrichmentJson.Run(run));
        }
        else
        {
            context.Out.WriteLine($"Enrichment '{run.Enrichment}', run {run.Id}:");
            EnrichmentText.WriteRun(context.Out, run);
        }

        if (run.Status == EnrichmentRunStatus.Failed)
        {
            context.Error.WriteLine($"error: enrichment '{run.Enrichment}' failed: {Formats.OneLine(run.Failure ?? "no reason given")}");
            return ExitCodes.BadInput;
        }

        return ExitCodes.Success;
    }
}
