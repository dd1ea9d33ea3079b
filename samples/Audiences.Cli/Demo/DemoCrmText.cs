using Audiences.Cli.Output;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>The CRM part of the demo's report: what the stand-ins are, each import with the API calls it spent, the converted lead, and the incremental run.</summary>
internal static class DemoCrmText
{
    public static void Write(TextWriter writer, DemoCrmImport demo)
    {
        writer.WriteLine();
        writer.WriteLine(
            $"CRM imports: Salesforce and HubSpot are local stand-ins here, the fakes Audiences.Sdk.Testing ships, at {demo.SalesforceUrl} and {demo.HubSpotUrl}; "
            + "they speak the services' wire protocols (Bulk API 2.0 jobs, CRM v3 search and batch calls) and hold accounts, contacts, leads, "
            + "opportunities, companies and deals about the sample people and companies. 'import salesforce' and 'import hubspot' read them:");
        var width = demo.Runs.Max(r => r.Definition.Name.Length);
        foreach (var run in demo.Runs)
        {
            WriteRun(writer, run, width);
        }

        if (demo.Converted is { } converted)
        {
            var emails = converted.Aliases.Where(a => a.Field == AliasFields.Email).Select(a => a.Value);
            writer.WriteLine(
                $"   lead {DemoCrmData.ConvertedLead} ({DemoCrmData.ConvertedLeadEmail}) was converted to contact {DemoCrmData.ConvertedContact}: it joined the contact's profile, "
                + $"person {converted.Id}, {ProfileText.DisplayName(converted)}, now with the emails {string.Join(", ", emails)}");
        }

        writer.WriteLine(FormattableString.Invariant(
            $"   then opportunity {DemoCrmData.ChangedOpportunity} moved to {DemoCrmData.ChangedStage} at {DemoCrmData.ChangedAmount:N0} in the org; the next import reads only what changed:"));
        WriteRun(writer, demo.Rerun, width);
        writer.WriteLine($"   API calls spent, as the stand-ins counted them: Salesforce {Formats.Count(demo.SalesforceCalls)}, HubSpot {Formats.Count(demo.HubSpotCalls)}");
    }

    private static void WriteRun(TextWriter writer, DemoCrmRun demo, int width)
    {
        var run = demo.Run;
        var related = run.Related > 0 ? FormattableString.Invariant($", related {run.Related}") : string.Empty;
        writer.WriteLine(FormattableString.Invariant($"   {demo.Definition.Name.PadRight(width)}  {SyncText.Outcome(run)}{related}; {demo.Calls} API calls"));
        if (run.Failure is { } failure)
        {
            writer.WriteLine($"     failed: {Formats.OneLine(ConnectionText.Redact(failure, ConnectionText.SecretOf(demo.Definition.Source)))}");
        }
    }
}
