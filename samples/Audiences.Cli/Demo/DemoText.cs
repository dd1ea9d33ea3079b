using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>The demo's human-readable report.</summary>
internal static class DemoText
{
    public static void Write(TextWriter writer, DemoSummary summary, DemoLoop loop, DemoCrmImport crm, DemoAudience audience, DemoEnrichment enrichment, DemoSignal signal, DemoHub hub, DemoExport export, DemoCrmExport crmExport)
    {
        writer.WriteLine($"Imported the sample data into '{summary.DatabasePath}'.");
        WriteImports(writer, summary);
        DemoLoopText.Write(writer, loop);
        DemoCrmText.Write(writer, crm);
        writer.WriteLine();
        writer.WriteLine(FormattableString.Invariant(
            $"Result: {summary.People} people and {summary.Companies} companies, from {summary.Read} rows read ({summary.Rejected} rejected)."));
        WriteMerges(writer, summary.Merges);
        if (summary.Example is { } example)
        {
            WriteExample(writer, example, summary.ExampleCompany);
        }

        writer.WriteLine();
        writer.WriteLine("Field catalog, people:");
        FieldText.WriteTable(writer, summary.PersonFields, "  ");
        writer.WriteLine();
        writer.WriteLine("Field catalog, companies:");
        FieldText.WriteTable(writer, summary.CompanyFields, "  ");
        DemoAudienceText.Write(writer, audience);
        DemoEnrichmentText.Write(writer, enrichment);
        DemoSignalText.Write(writer, signal);
        DemoHubText.Write(writer, hub);
        DemoExportText.Write(writer, export);
        DemoCrmExportText.Write(writer, crmExport);
        writer.WriteLine();
        writer.WriteLine("Explore the demo database:");
        foreach (var command in new[]
        {
            "profiles list --kind person",
            "merges --kind person",
            "fields --kind company",
            "count --kind person --json",
            $"audience members \"{DemoAudience.Name}\" --format csv",
            "audience changes",
            $"sync history {DemoSync.Name}",
            $"enrich runs {DemoEnrichment.WorkEmailsName}",
            "enrich list",
            "signal list",
            $"signal runs {DemoSignal.Name}",
            $"audience members \"{DemoAudience.Name} + signal {DemoSignal.Name}\"",
            "hub",
            "hub enrichments",
            "hub signals",
            "draft list",
            "export list",
            $"export plan {DemoExport.SqlName}",
            $"export run {DemoExport.SqlName}",
            $"export history {DemoExport.CsvName}",
            "sync list",
            $"audience members \"{DemoCrmExport.PipelineName}\"",
            "ads list",
            "profiles find --kind person --alias email=sofia@quillsoft.dev",
        })
        {
            writer.WriteLine($"  dotnet run --project samples/Audiences.Cli -- --db \"{summary.DatabasePath}\" {command}");
        }

        // The stand-ins stop with the demo, so the CRM syncs and exports it saved cannot run again; a real org or portal can.
        writer.WriteLine(
            "Read your own CRM with its address and token: import salesforce --instance-url https://ORG.my.salesforce.com --token TOKEN --object Contact --kind person "
            + "(or import hubspot --token TOKEN --object contacts --kind person), and write back with export add NAME --to salesforce|hubspot ... (the demo's CRMs were stand-ins that stopped with it).");

        // The platforms cannot be reached offline, so the demo shows no sync; with an account and a token, this is the way.
        writer.WriteLine(
            $"Keep the audience in an ad platform with your account and token: ads add NAME --platform meta --audience \"{DemoAudience.Name}\" --token TOKEN "
            + "--ad-account act_ID --custom-audience-id ID (or google: --operating-account, --user-list; linkedin: --ad-account, --segment), then ads sync NAME and ads status NAME.");
    }

    private static void WriteImports(TextWriter writer, DemoSummary summary)
    {
        for (var i = 0; i < summary.Imports.Count; i++)
        {
            var (file, result) = summary.Imports[i];
            var keyedBy = file.IdColumn is null ? "keyed by row number" : $"keyed by column '{file.IdColumn}'";
            writer.WriteLine();
            writer.WriteLine($"{i + 1}. {file.FileName}: {Names.Plural(file.Kind)}, {file.Description} (source '{file.SourceName}', {keyedBy})");
            if (file.Mappings.Count > 0)
            {
                writer.WriteLine($"   mapped: {string.Join(", ", file.Mappings)}");
            }

            ImportText.Write(writer, result, "   ");
        }
    }

    private static void WriteMerges(TextWriter writer, IReadOnlyList<MergeRecord> merges)
    {
        writer.WriteLine();
        writer.WriteLine($"Merges: {merges.Count}. A record that matches two profiles joins them; the older profile survives and keeps its id.");
        foreach (var merge in merges)
        {
            var why = merge.Alias is { } alias
                ? $"it shares {alias.Field} '{alias.Value}' with {merge.MergedId} and matched {merge.SurvivorId} too"
                : $"it already belonged to {merge.SurvivorId}";
            writer.WriteLine(
                $"  {Names.Kind(merge.Kind)} {merge.MergedId} merged into {merge.SurvivorId} by record {merge.CausedBy}: {why} ({Formats.Time(merge.MergedAt)})");
        }
    }

    private static void WriteExample(TextWriter writer, Profile example, Profile? company)
    {
        writer.WriteLine();
        var name = ProfileText.DisplayName(example);
        writer.WriteLine($"Example profile: person {example.Id}{(name.Length > 0 ? $", {name}" : "")}, assembled from {example.Sources.Count} source records");
        writer.WriteLine($"  sources: {string.Join(", ", example.Sources.Select(s => s.Key.ToString()))}");
        writer.WriteLine($"  aliases: {string.Join(", ", example.Aliases.Select(a => a.ToString()))}");
        if (company is not null)
        {
            writer.WriteLine($"  company: company {company.Id}, {ProfileText.DisplayName(company)} ({string.Join(", ", company.Aliases.Select(a => a.Value))})");
        }

        writer.WriteLine("  values, each from the source that wins it (the most recent observation among CSV sources):");
        ProfileText.WriteProvenance(writer, example, "  ");
    }
}
