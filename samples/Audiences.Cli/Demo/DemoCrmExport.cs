using Audiences.Cli.Cli;
using Audiences.Cli.Commands;
using Audiences.Cli.Exports;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's write-back to the CRM stand-ins: an audience of the companies with open pipeline (a quantifier over the
/// opportunities and deals the imports stored), then two exports as <c>export add --to salesforce|hubspot</c> defines
/// them, each planned and run — the decision makers' lead score and phone, and whether a job move was seen, onto the
/// Salesforce contacts they came from; whether a company is in the pipeline audience, and its industry where HubSpot
/// has none, onto the HubSpot companies they came from — and what the stand-ins hold afterwards.
/// </summary>
internal sealed record DemoCrmExport(
    Audience Pipeline,
    long PipelineCount,
    IReadOnlyList<(Profile Company, IReadOnlyList<RelatedRecord> Related)> PipelineMembers,
    DemoCrmWrite Salesforce,
    DemoCrmWrite HubSpot,
    IReadOnlyDictionary<long, string?> AudienceNames)
{
    public const string PipelineName = "Open pipeline of 20,000 or more";
    public const string PipelineCriteria =
        "opportunity.any(amount >= 20000 and stagename != \"Closed Won\") or deal.any(amount >= 20000 and dealstage != \"closedwon\")";

    public const string SalesforceName = "salesforce-contacts";
    public const string HubSpotName = "hubspot-companies";
    public const string JobChangeField = "Job_Change__c";

    public static async Task<DemoCrmExport> RunAsync(
        CommandContext context, AudiencesSession session, DemoCrm crm, Audience decisionMakers, Audience? jobMoves, CancellationToken cancellationToken)
    {
        var pipeline = await context.WithStatusAsync(
            "Evaluating the pipeline audience over every company",
            () => session.Audiences.CreateAsync(new AudienceDefinition(PipelineName, EntityKind.Company, "demo") { Status = AudienceStatus.Active }, PipelineCriteria, cancellationToken));
        var count = await session.Audiences.CountAsync(pipeline.Id, cancellationToken);
        var members = new List<(Profile, IReadOnlyList<RelatedRecord>)>();
        foreach (var company in (await session.Audiences.ListMembersAsync(pipeline.Id, cancellationToken: cancellationToken)).Profiles)
        {
            var related = new List<RelatedRecord>();
            await foreach (var record in session.Profiles.ListRelatedRecordsAsync(company.Id, cancellationToken: cancellationToken))
            {
                related.Add(record);
            }

            members.Add((company, related));
        }

        // As export add --to salesforce builds it: the fields written are the ones mapped, found by the record id imported from the org.
        string[] fields = ["Lead_Score__c", "Phone", JobChangeField];
        var salesforce = new ExportDefinition(SalesforceName, EntityKind.Person, ExportAddCommand.WithCrmFields(new DestinationSettings(DestinationNames.Salesforce, new Dictionary<string, string>
        {
            [DestinationNames.InstanceUrl] = crm.Salesforce.InstanceUrl.ToString(),
            [DestinationNames.Token] = crm.Salesforce.AccessToken,
            [DestinationNames.Object] = "Contact",
        }), fields))
        {
            Audience = decisionMakers.Id,
            Mappings = [new ExportMapping("lead_score", fields[0]) { Rule = WriteRule.Always }, new ExportMapping("phone", fields[1]) { Rule = WriteRule.IfEmpty }],
            Membership = [new MembershipMapping((jobMoves ?? decisionMakers).Id, JobChangeField, FieldValue.FromText("true")) { ValueOut = FieldValue.FromText("false") }],
            KeyField = ExportDestinationOptions.DefaultKey,
            KeySource = ConnectorSources.Salesforce,
            Every = null,
        };
        var salesforceWrite = await DemoCrmWrite.RunAsync(context, session, salesforce, () => crm.SalesforceCalls, cancellationToken);

        var hubSpot = new ExportDefinition(HubSpotName, EntityKind.Company, ExportAddCommand.WithCrmFields(new DestinationSettings(DestinationNames.HubSpot, new Dictionary<string, string>
        {
            [DestinationNames.BaseUrl] = crm.HubSpot.BaseUrl.ToString(),
            [DestinationNames.Token] = DemoCrm.HubSpotToken,
            [DestinationNames.Object] = "companies",
        }), ["industry", DemoCrmData.PipelineProperty]))
        {
            Mappings = [new ExportMapping("industry", "industry") { Rule = WriteRule.IfEmpty }],
            Membership = [new MembershipMapping(pipeline.Id, DemoCrmData.PipelineProperty, FieldValue.FromText("true")) { ValueOut = FieldValue.FromText("false") }],
            KeyField = ExportDestinationOptions.DefaultKey,
            KeySource = ConnectorSources.HubSpot,
            Every = null,
        };
        var hubSpotWrite = await DemoCrmWrite.RunAsync(context, session, hubSpot, () => crm.HubSpotCalls, cancellationToken);
        var names = await ExportCalls.AudienceNamesAsync(session, [salesforceWrite.Definition, hubSpotWrite.Definition], cancellationToken);
        return new DemoCrmExport(
            pipeline,
            count,
            members,
            salesforceWrite with { Records = [.. DemoCrmData.ShownContacts.Select(id => Record("Contact", id, crm.Salesforce.Find("Contact", id)))] },
            hubSpotWrite with { Records = [.. DemoCrmData.ShownCompanies.Select(id => Record("company", id, crm.HubSpot.Find("companies", id)?.Properties.ToDictionary(p => p.Key, p => (string?)p.Value)))] },
            names);
    }

    private static DemoCrmRecord Record(string objectName, string id, IReadOnlyDictionary<string, string?>? values) =>
        new(objectName, id, values?.Where(v => !string.IsNullOrEmpty(v.Value)).ToDictionary(v => v.Key, v => v.Value!, StringComparer.Ordinal) ?? []);
}
