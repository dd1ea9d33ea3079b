using Audiences.Cli.Exports;
using Audiences.Cli.Output;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>The write-back part of the demo's report: the pipeline audience, then each CRM export's plan, run, and records the stand-in now holds.</summary>
internal static class DemoCrmExportText
{
    // The fields shown of each record read back: who it is, and what the export wrote.
    private static readonly string[] ContactFields = ["FirstName", "LastName", "Email", "Lead_Score__c", "Phone", DemoCrmExport.JobChangeField];
    private static readonly string[] CompanyFields = ["name", "domain", "industry", DemoCrmData.PipelineProperty];

    public static void Write(TextWriter writer, DemoCrmExport demo)
    {
        var pipeline = AudienceText.Name(demo.Pipeline);
        writer.WriteLine();
        writer.WriteLine(
            $"Audience on CRM pipeline: created {pipeline}, companies with a Salesforce opportunity or a HubSpot deal of at least 20,000 not yet won, "
            + "read through the related records the imports stored:");
        AudienceText.WriteDefinition(writer, demo.Pipeline, demo.PipelineCount);
        foreach (var (company, related) in demo.PipelineMembers)
        {
            writer.WriteLine($"   company {company.Id}, {ProfileText.DisplayName(company)}: {string.Join("; ", related.Select(Related))}");
        }

        var salesforce = demo.Salesforce.Definition;
        writer.WriteLine();
        writer.WriteLine(
            $"Write-back to Salesforce: '{salesforce.Name}' writes {ExportText.Audience(salesforce.Audience, demo.AudienceNames)} to the Contact records they were imported from "
            + $"({Rules(salesforce)}, and {DemoCrmExport.JobChangeField} 'true' for members of {ExportText.Audience(salesforce.Membership[0].Audience, demo.AudienceNames)}, else 'false'); "
            + "a person without a Salesforce record is skipped:");
        WriteWrite(writer, demo.Salesforce, ContactFields);

        var hubSpot = demo.HubSpot.Definition;
        writer.WriteLine();
        writer.WriteLine(
            $"Write-back to HubSpot: '{hubSpot.Name}' writes every company to the HubSpot company it was imported from ({Rules(hubSpot)}, "
            + $"and {DemoCrmData.PipelineProperty} 'true' for members of {ExportText.Audience(hubSpot.Membership[0].Audience, demo.AudienceNames)}, else 'false'):");
        WriteWrite(writer, demo.HubSpot, CompanyFields);
    }

    private static string Rules(ExportDefinition definition) =>
        string.Join(", ", definition.Mappings.Select(m => $"{m.Field} -> {m.DestinationField} ({ExportRules.Word(m.Rule)})"));

    private static string Related(RelatedRecord record)
    {
        var name = record.Values.GetValueOrDefault("name", record.Values.GetValueOrDefault("dealname"));
        var stage = record.Values.GetValueOrDefault("stagename", record.Values.GetValueOrDefault("dealstage"));
        var amount = record.Values.GetValueOrDefault("amount");
        return FormattableString.Invariant(
            $"{record.Type} '{ExportText.Value(name)}', {(amount.Type == FieldType.Number ? amount.AsNumber().ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : ExportText.Value(amount))}, {ExportText.Value(stage)}");
    }

    private static void WriteWrite(TextWriter writer, DemoCrmWrite write, string[] shown)
    {
        // The records it would write first, then those skipped for want of a record in the CRM.
        var plan = write.Plan.OrderBy(r => r.Action == ExportPlanAction.Skip).ToList();
        ExportText.WritePlan(writer, write.Definition.Name, plan, plan.Count, "   ");
        writer.WriteLine($"   export run: {ExportText.Outcome(write.Run)}; {write.Calls} API calls with the plan");
        foreach (var record in write.Records)
        {
            var values = shown.Where(record.Fields.ContainsKey).Select(f => $"{f}={record.Fields[f]}");
            writer.WriteLine($"   {record.Object} {record.Id} in the stand-in now: {string.Join(", ", values)}");
        }
    }
}
