using System.Globalization;

namespace Audiences.Cli.Demo;

/// <summary>
/// What the demo's CRM stand-ins hold: in Salesforce three accounts, their three contacts, two leads (one converted
/// to Carmen Ruiz's contact, under her personal email) and an opportunity per account; in HubSpot two companies, three
/// contacts and a deal per company. All are people and companies of the sample files, with the same names, titles and
/// sizes, so the imports join their profiles and change none of the values the rest of the demo shows.
/// </summary>
internal static class DemoCrmData
{
    public const string ConvertedLead = "00QA0000001";
    public const string ConvertedLeadEmail = "carmen.ruiz@fastmail.com";
    public const string ConvertedContact = "003A0000003";

    /// <summary>The opportunity <see cref="Change"/> edits: the one changed last, so the next read starts just before it.</summary>
    public const string ChangedOpportunity = "006A0000003";
    public const string ChangedStage = "Proposal";
    public const double ChangedAmount = 30_000;

    /// <summary>The contacts whose Salesforce records the demo prints after the write-back.</summary>
    public static IReadOnlyList<string> ShownContacts { get; } = ["003A0000001", ConvertedContact];

    /// <summary>The HubSpot companies the demo prints after the write-back.</summary>
    public static IReadOnlyList<string> ShownCompanies { get; } = ["5001", "5002"];

    // (object, id, days before now it last changed, fields)
    private static readonly (string Object, string Id, int DaysAgo, (string Name, string Value)[] Fields)[] Salesforce =
    [
        ("Account", "001A0000001", 20, [("Name", "Brightlane"), ("Website", "https://www.brightlane.io"), ("NumberOfEmployees", "240"), ("Industry", "Software")]),
        ("Account", "001A0000002", 19, [("Name", "Kestrel Bio"), ("Website", "kestrelbio.com"), ("NumberOfEmployees", "410"), ("Industry", "Biotechnology")]),
        ("Account", "001A0000003", 18, [("Name", "Copperleaf AI"), ("Website", "https://copperleaf.ai"), ("NumberOfEmployees", "18"), ("Industry", "Artificial Intelligence")]),
        ("Contact", "003A0000001", 15, [("FirstName", "Priya"), ("LastName", "Raman"), ("Email", "priya.raman@brightlane.io"), ("Title", "VP Engineering"), ("AccountId", "001A0000001")]),
        ("Contact", "003A0000002", 14, [("FirstName", "Nadia"), ("LastName", "Petrova"), ("Email", "nadia.petrova@kestrelbio.com"), ("Title", "Head of Procurement"), ("AccountId", "001A0000002")]),
        ("Contact", ConvertedContact, 12, [("FirstName", "Carmen"), ("LastName", "Ruiz"), ("Email", "carmen.ruiz@copperleaf.ai"), ("Title", "Head of Product"), ("AccountId", "001A0000003")]),
        ("Lead", ConvertedLead, 12,
        [
            ("FirstName", "Carmen"), ("LastName", "Ruiz"), ("Email", ConvertedLeadEmail), ("Company", "Copperleaf AI"),
            ("IsConverted", "true"), ("ConvertedContactId", ConvertedContact), ("ConvertedAccountId", "001A0000003"),
        ]),
        ("Lead", "00QA0000002", 6, [("FirstName", "Yusuf"), ("LastName", "Demir"), ("Email", "yusuf.demir@packwise.io"), ("Company", "Packwise"), ("IsConverted", "false")]),
        ("Opportunity", "006A0000001", 10, [("Name", "Brightlane platform renewal"), ("AccountId", "001A0000001"), ("Amount", "48000"), ("StageName", "Negotiation"), ("CloseDate", "2026-04-30")]),
        ("Opportunity", "006A0000002", 8, [("Name", "Kestrel Bio lab rollout"), ("AccountId", "001A0000002"), ("Amount", "85000"), ("StageName", "Closed Won"), ("CloseDate", "2026-02-27")]),
        ("Opportunity", ChangedOpportunity, 3, [("Name", "Copperleaf AI pilot"), ("AccountId", "001A0000003"), ("Amount", "12000"), ("StageName", "Prospecting"), ("CloseDate", "2026-05-29")]),
    ];

    // (object, id, days before now it last changed, properties); deals name their company.
    private static readonly (string Object, long Id, int DaysAgo, (string Name, string Value)[] Properties)[] HubSpot =
    [
        ("companies", 5001, 16, [("name", "Quillsoft"), ("domain", "quillsoft.dev"), ("numberofemployees", "32"), ("industry", "Software")]),
        ("companies", 5002, 15, [("name", "Harbor Point Capital"), ("domain", "harborpoint.co"), ("numberofemployees", "60")]),
        ("contacts", 101, 11, [("firstname", "Sofia"), ("lastname", "Lindqvist"), ("email", "sofia@quillsoft.dev"), ("jobtitle", "Founder & CEO")]),
        ("contacts", 102, 10, [("firstname", "Oliver"), ("lastname", "Grant"), ("email", "oliver.grant@harborpoint.co"), ("jobtitle", "Partner")]),
        ("contacts", 103, 9, [("firstname", "Tom"), ("lastname", "Becker"), ("email", "tbecker@harborpoint.co"), ("jobtitle", "CFO")]),
        ("deals", 9001, 7, [("dealname", "Quillsoft business plan"), ("amount", "24000"), ("dealstage", "contractsent"), ("closedate", "2026-04-15T00:00:00Z")]),
        ("deals", 9002, 5, [("dealname", "Harbor Point pilot"), ("amount", "6000"), ("dealstage", "appointmentscheduled"), ("closedate", "2026-06-01T00:00:00Z")]),
    ];

    private static readonly (string Deal, string Company)[] DealCompanies = [("9001", "5001"), ("9002", "5002")];

    /// <summary>The HubSpot property the write-back sets on companies: a portal defines its own properties before they are written.</summary>
    public const string PipelineProperty = "open_pipeline";

    public static void Seed(DemoCrm crm, DateTimeOffset now)
    {
        foreach (var (objectName, id, daysAgo, fields) in Salesforce)
        {
            crm.Salesforce.Put(objectName, id, fields.ToDictionary(f => f.Name, f => (string?)f.Value, StringComparer.Ordinal), now.AddDays(-daysAgo));
        }

        foreach (var (objectName, id, daysAgo, properties) in HubSpot)
        {
            crm.HubSpot.Add(objectName, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), now.AddDays(-daysAgo), id);
        }

        foreach (var (deal, company) in DealCompanies)
        {
            crm.HubSpot.Associate(deal, company);
        }

        crm.HubSpot.DefineProperties("companies", PipelineProperty);
    }

    /// <summary>A sales rep moves the Copperleaf AI pilot on: a new stage and amount, stamped <paramref name="now"/> by the org.</summary>
    public static void Change(DemoCrm crm, DateTimeOffset now) =>
        crm.Salesforce.Put(
            "Opportunity",
            ChangedOpportunity,
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["StageName"] = ChangedStage,
                ["Amount"] = ChangedAmount.ToString(CultureInfo.InvariantCulture),
            },
            now);
}
