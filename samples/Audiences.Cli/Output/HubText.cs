using System.Globalization;
using System.Text;
using Audiences.Cli.Enrichments;
using Audiences.Sdk.Credits;
using Audiences.Sdk.DataHub;

namespace Audiences.Cli.Output;

/// <summary>The tables of the <c>hub</c> commands.</summary>
internal static class HubText
{
    public static void WriteOverview(TextWriter writer, DataHubOverview o, string indent = "")
    {
        var table = new TextTable("RECORDS", "PEOPLE", "COMPANIES", "PERSON FIELDS", "COMPANY FIELDS", "ENRICHMENTS", "SIGNALS").AlignRight(0, 1, 2, 3, 4, 5, 6);
        table.Add(
            Formats.Count(o.Records), Formats.Count(o.People), Formats.Count(o.Companies), Formats.Count(o.PersonFields),
            Formats.Count(o.CompanyFields), Formats.Count(o.Enrichments), Formats.Count(o.Signals));
        table.WriteTo(writer, indent);
    }

    public static void WriteFields(TextWriter writer, IReadOnlyList<DataHubField> fields, string indent = "")
    {
        if (fields.Count == 0)
        {
            writer.WriteLine($"{indent}(no fields yet)");
            return;
        }

        var table = new TextTable("FIELD", "NAME", "TYPE", "SOURCE", "FILLED", "FILL RATE", "COST", "EXPORT", "WRITTEN BY", "DESCRIPTION").AlignRight(4, 5, 6);
        foreach (var f in fields)
        {
            var writers = f.Enrichments.Select(n => $"enrichment {n}").Concat(f.Signals.Select(n => $"signal {n}")).ToList();
            table.Add(
                f.Key,
                f.Definition.DisplayName,
                Names.Type(f.Definition.Type),
                f.Source,
                $"{Formats.Count(f.FilledCount)}/{Formats.Count(f.RecordCount)}",
                Formats.Percent(f.FillRate),
                f.Definition.CostPerRecord is { } cost ? CreditAmounts.Format(cost) : "-",
                HubJson.Export(f.Definition.ExportStatus),
                writers.Count == 0 ? "-" : string.Join(", ", writers),
                f.Definition.Description ?? "-");
        }

        table.WriteTo(writer, indent);
    }

    public static void WriteEnrichments(TextWriter writer, IReadOnlyList<DataHubEnrichment> enrichments, string indent = "")
    {
        if (enrichments.Count == 0)
        {
            writer.WriteLine($"{indent}No enrichments yet; add one with 'enrich add NAME --provider P --audience A --map OUTPUT=FIELD'.");
            return;
        }

        var table = Table();
        foreach (var e in enrichments)
        {
            table.Add([e.Name, Names.Kind(e.Definition.Kind), .. Spend(e.Budget), LastRun(e.LastRun?.Status.ToString(), e.LastRun?.StartedAt), Audiences(e.Audiences), Fields(e.Fields)]);
        }

        table.WriteTo(writer, indent);
    }

    public static void WriteSignals(TextWriter writer, IReadOnlyList<DataHubSignal> signals, string indent = "")
    {
        if (signals.Count == 0)
        {
            writer.WriteLine($"{indent}No signals yet.");
            return;
        }

        var table = Table();
        foreach (var s in signals)
        {
            table.Add([s.Name, Names.Kind(s.Definition.Kind), .. Spend(s.Budget), LastRun(s.LastRun?.Status.ToString(), s.LastRun?.StartedAt), Audiences(s.Audiences), Fields(s.Fields)]);
        }

        table.WriteTo(writer, indent);
    }

    /// <summary><c>BudgetReached</c> → <c>budget-reached</c>.</summary>
    public static string Status(string status)
    {
        var text = new StringBuilder();
        foreach (var c in status)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static TextTable Table() => new TextTable("NAME", "KIND", "CAP", "SPENT", "HELD", "LAST RUN", "AUDIENCES", "FIELDS").AlignRight(2, 3, 4);

    private static string[] Spend(CreditBudget budget) => [CreditAmounts.Format(budget.Cap), CreditAmounts.Format(budget.Spent), CreditAmounts.Format(budget.Reserved)];

    private static string LastRun(string? status, DateTimeOffset? startedAt) =>
        status is null ? "never" : $"{Status(status)} {startedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}";

    private static string Audiences(IReadOnlyList<DataHubAudience> audiences) =>
        audiences.Count == 0 ? "-" : string.Join(", ", audiences.Select(a => a.Name is null ? $"#{a.Id} (deleted)" : $"{a.Name} (#{a.Id})"));

    private static string Fields(IReadOnlyList<string> fields) => fields.Count == 0 ? "-" : string.Join(", ", fields);
}
