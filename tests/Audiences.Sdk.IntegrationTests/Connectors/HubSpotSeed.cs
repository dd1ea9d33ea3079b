using Audiences.Sdk.Testing.Fakes.HubSpot;

namespace Audiences.Sdk.IntegrationTests.Connectors;

/// <summary>
/// The HubSpot portal of the story: Brightlane again (matched to Salesforce's by domain) and Ledgerline, a deal
/// each, and the contacts Ada and Grace (also in Salesforce) and Jo (HubSpot only).
/// </summary>
internal static class HubSpotSeed
{
    public const string Brightlane = "101";
    public const string Ledgerline = "102";
    public const string BrightlaneDeal = "201";
    public const string LedgerlineDeal = "202";
    public const string Ada = "301";
    public const string Grace = "302";
    public const string Jo = "303";

    /// <summary>The custom company property the export writes membership to.</summary>
    public const string StatusProperty = "audience_status";

    /// <summary>The custom contact property the export writes membership to.</summary>
    public const string SegmentProperty = "segment";

    public static void Seed(HubSpotFake portal, DateTimeOffset at)
    {
        portal.DefineProperties("companies", StatusProperty);
        portal.DefineProperties("contacts", SegmentProperty);
        Add(portal, "companies", Brightlane, at, ("domain", "brightlane.io"), ("name", "Brightlane Inc."), ("numberofemployees", "180"));
        Add(portal, "companies", Ledgerline, at, ("domain", "ledgerline.io"), ("name", "Ledgerline"), ("numberofemployees", "30"), ("industry", "Fintech"));

        Add(portal, "deals", BrightlaneDeal, at, Deal("Brightlane analytics add-on", "closedwon", "30000"));
        Add(portal, "deals", LedgerlineDeal, at, Deal("Ledgerline pilot", "closedwon", "12000"));
        portal.Associate(BrightlaneDeal, Brightlane);
        portal.Associate(LedgerlineDeal, Ledgerline);

        Add(portal, "contacts", Ada, at, ("email", "ada@brightlane.io"), ("firstname", "Ada"), ("jobtitle", "Analyst"));
        Add(portal, "contacts", Grace, at, ("email", "grace@quillsoft.dev"), ("firstname", "Grace"));
        Add(portal, "contacts", Jo, at, ("email", "jo@ledgerline.io"), ("firstname", "Jo"), ("lastname", "March"), ("jobtitle", "CFO"));
    }

    public static (string, string)[] Deal(string name, string stage, string amount) =>
        [("dealname", name), ("dealstage", stage), ("amount", amount), ("pipeline", "default")];

    /// <summary>Changes some properties of a record, as a user editing it in HubSpot at <paramref name="at"/>.</summary>
    public static void Change(HubSpotFake portal, string objectType, string id, DateTimeOffset at, params (string Name, string Value)[] properties)
    {
        var changed = new Dictionary<string, string>(portal.Find(objectType, id)!.Properties, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            changed[name] = value;
        }

        portal.Add(objectType, changed, at, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static void Add(HubSpotFake portal, string objectType, string id, DateTimeOffset at, params (string Name, string Value)[] properties) =>
        portal.Add(objectType, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), at, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
}
