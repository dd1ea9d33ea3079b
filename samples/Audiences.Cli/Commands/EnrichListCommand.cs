using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Audiences.Cli.Cli;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Enrichment;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>enrich list</c>: every enrichment by name, with its kind, providers, audiences, mappings, gate, schedule and
/// budget. --json: <c>[{...enrichment, "budget":{...}}]</c> (<see cref="EnrichmentJson.Definition"/>).
/// </summary>
internal sealed class EnrichListCommand : CliCommand
{
    public EnrichListCommand()
        : base("list", "lists the enrichments with their providers, audiences, mappings, gate, schedule and budget")
    {
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        await using var session = await context.OpenAsync(mustExist: true, cancellationToken);
        var rows = new List<(EnrichmentDefinition Definition, CreditBudget Budget)>();
        foreach (var definition in await session.Enrichments.ListAsync(cancellationToken))
        {
            rows.Add((definition, await session.Enrichments.GetBudgetAsync(definition.Name, cancellationToken)));
        }

        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. rows.Select(r => (JsonNode)EnrichmentJson.Definition(r.Definition, r.Budget))]));
            return ExitCodes.Success;
        }

        if (rows.Count == 0)
        {
            context.Out.WriteLine("No enrichments yet; add one with 'enrich add NAME --provider P --audience A --map OUTPUT=FIELD'.");
            return ExitCodes.Success;
        }

        var table = new TextTable("NAME", "KIND", "PROVIDERS", "AUDIENCES", "MAPPINGS", "GATE", "SCHEDULE", "BUDGET CAP", "SPENT").AlignRight(7, 8);
        foreach (var (definition, budget) in rows)
        {
            table.Add(
                definition.Name,
                Names.Kind(definition.Kind),
                string.Join(", ", definition.Providers),
                string.Join(", ", definition.Audiences.Select(a => a.ToString(CultureInfo.InvariantCulture))),
                definition.Mappings.Count == 0 ? "(action only)" : string.Join(", ", definition.Mappings.Select(EnrichmentMappings.Format)),
                definition.Gate ?? "-",
                EnrichmentText.Schedule(definition),
                CreditAmounts.Format(budget.Cap),
                CreditAmounts.Format(budget.Spent));
        }

        table.WriteTo(context.Out);
        return ExitCodes.Success;
    }
}
