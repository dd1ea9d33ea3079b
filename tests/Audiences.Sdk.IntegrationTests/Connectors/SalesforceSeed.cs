using Audiences.Sdk.Testing.Fakes.Salesforce;

namespace Audiences.Sdk.IntegrationTests.Connectors;

/// <summary>
/// The Salesforce org of the story: three accounts with their opportunities, two contacts, a lead converted into
/// Ada's contact under her private address, and a lead not converted.
/// </summary>
internal static class SalesforceSeed
{
    /// <summary>Brightlane, also a HubSpot company; its Industry is empty and its size out of date.</summary>
    public const string Brightlane = "001000000000001";

    /// <summary>Quillsoft, in Salesforce only, with an Industry someone set by hand.</summary>
    public const string Quillsoft = "001000000000002";

    /// <summary>Fernhollow, whose only big opportunity is still open.</summary>
    public const string Fernhollow = "001000000000003";

    public const string BrightlaneWon = "006000000000001";
    public const string QuillsoftWon = "006000000000002";
    public const string FernhollowOpen = "006000000000003";
    public const string FernhollowSmallWin = "006000000000004";

    /// <summary>Ada Lovelace's contact at Brightlane (ada@brightlane.io), also a HubSpot contact.</summary>
    public const string AdaContact = "003000000000001";

    /// <summary>Grace Hopper's contact at Quillsoft, with no first name in Salesforce.</summary>
    public const string GraceContact = "003000000000002";

    /// <summary>Ada's lead, under her private address, converted into <see cref="AdaContact"/>.</summary>
    public const string AdaLead = "00Q000000000001";

    /// <summary>Linus's lead at Fernhollow, not converted.</summary>
    public const string LinusLead = "00Q000000000002";

    public static void Seed(SalesforceFake org, DateTimeOffset at)
    {
        org.Put("Account", Brightlane, Fields(("Name", "Brightlane"), ("Website", "https://www.brightlane.io/"), ("NumberOfEmployees", "200"), ("Industry", null)), at);
        org.Put("Account", Quillsoft, Fields(("Name", "Quillsoft"), ("Website", "quillsoft.dev"), ("NumberOfEmployees", "100"), ("Industry", "Developer Tools")), at);
        org.Put("Account", Fernhollow, Fields(("Name", "Fernhollow"), ("Website", "https://fernhollow.co"), ("NumberOfEmployees", "12"), ("Industry", "Retail")), at);

        org.Put("Opportunity", BrightlaneWon, Opportunity(Brightlane, "Brightlane platform", "Closed Won", "24000"), at);
        org.Put("Opportunity", QuillsoftWon, Opportunity(Quillsoft, "Quillsoft seats", "Closed Won", "15000"), at);
        org.Put("Opportunity", FernhollowOpen, Opportunity(Fernhollow, "Fernhollow rollout", "Negotiation/Review", "50000"), at);
        org.Put("Opportunity", FernhollowSmallWin, Opportunity(Fernhollow, "Fernhollow pilot", "Closed Won", "2000"), at);

        // Ada's contact changed after her HubSpot contact, so its title is the one the profile keeps.
        org.Put("Contact", AdaContact, Fields(("Email", "ada@brightlane.io"), ("FirstName", "Ada"), ("LastName", "Lovelace"), ("Title", "Chief Analyst"), ("AccountId", Brightlane)), at.AddHours(1));
        org.Put("Contact", GraceContact, Fields(("Email", "grace@quillsoft.dev"), ("FirstName", null), ("LastName", "Hopper"), ("Title", "Engineer"), ("AccountId", Quillsoft)), at);

        org.Put("Lead", AdaLead, Fields(
            ("Email", "ada.lovelace@example.org"), ("FirstName", "Ada"), ("LastName", "Lovelace"), ("Title", "Analyst"), ("Company", "Brightlane"),
            ("IsConverted", "true"), ("ConvertedContactId", AdaContact), ("ConvertedAccountId", Brightlane)), at);
        org.Put("Lead", LinusLead, Fields(
            ("Email", "linus@fernhollow.co"), ("FirstName", "Linus"), ("LastName", "Pauling"), ("Title", "Buyer"), ("Company", "Fernhollow"), ("IsConverted", "false")), at);
    }

    public static Dictionary<string, string?> Opportunity(string accountId, string name, string stage, string amount) =>
        Fields(("AccountId", accountId), ("Name", name), ("StageName", stage), ("Amount", amount), ("CloseDate", "2026-02-27"));

    public static Dictionary<string, string?> Fields(params (string Name, string? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.OrdinalIgnoreCase);
}
