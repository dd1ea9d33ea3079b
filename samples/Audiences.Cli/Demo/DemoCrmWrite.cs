using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Demo;

/// <summary>One export to a CRM stand-in: its definition, the write plan, the run, the API calls both spent, and records the stand-in holds after it.</summary>
internal sealed record DemoCrmWrite(ExportDefinition Definition, IReadOnlyList<ExportPlanRecord> Plan, ExportRun Run, int Calls)
{
    public IReadOnlyList<DemoCrmRecord> Records { get; init; } = [];

    /// <summary>Saves the export (the destination is asked what it holds), plans it, and runs it, as export add, plan and run do.</summary>
    public static async Task<DemoCrmWrite> RunAsync(
        CommandContext context, AudiencesSession session, ExportDefinition definition, Func<int> calls, CancellationToken cancellationToken)
    {
        var before = calls();
        definition = await ExportCalls.SaveAsync(context, session, definition, cancellationToken);
        var plan = await ExportCalls.PlanAsync(context, session, definition, cancellationToken);
        var run = await ExportCalls.RunAsync(context, session, definition, cancellationToken);
        return new DemoCrmWrite(definition, plan, run, calls() - before);
    }
}
