using System.Globalization;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.IntegrationTests.Connectors;

/// <summary>
/// The CRM round trip on SQLite: import Salesforce and HubSpot, match one profile per person and company, select the
/// accounts with a big won opportunity, enrich them, write back under each rule, and carry a later change across.
/// </summary>
public sealed class CrmRoundTripTests : IAsyncLifetime
{
    private CrmHost _host = null!;

    public async Task InitializeAsync() => _host = await CrmHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Import_MatchesOneProfilePerPersonAndCompany_WithTheConvertedLeadInItsContactsProfile()
    {
        var runs = await _host.SyncAllAsync();

        runs["sf-opportunities"].Related.Should().Be(4);
        runs["hs-deals"].Related.Should().Be(2);
        var profiles = _host.Get<IProfileService>();
        (await profiles.CountAsync(EntityKind.Company)).Should().Be(4, "Brightlane (both CRMs), Quillsoft, Fernhollow, Ledgerline");
        (await profiles.CountAsync(EntityKind.Person)).Should().Be(4, "Ada (both CRMs and her lead), Grace (both CRMs), Linus (a lead), Jo");

        (await SourcesAsync(EntityKind.Company, "domain", "brightlane.io")).Should().BeEquivalentTo(
            $"salesforce/Account/{SalesforceSeed.Brightlane}", $"hubspot/companies/{HubSpotSeed.Brightlane}");
        (await SourcesAsync(EntityKind.Company, "domain", "quillsoft.dev")).Should().BeEquivalentTo($"salesforce/Account/{SalesforceSeed.Quillsoft}");
        (await SourcesAsync(EntityKind.Company, "domain", "fernhollow.co")).Should().BeEquivalentTo($"salesforce/Account/{SalesforceSeed.Fernhollow}");
        (await SourcesAsync(EntityKind.Company, "domain", "ledgerline.io")).Should().BeEquivalentTo($"hubspot/companies/{HubSpotSeed.Ledgerline}");

        // The lead's address is found nowhere else: only its ConvertedContactId brings it to Ada.
        var ada = await SourcesAsync(EntityKind.Person, "email", "ada.lovelace@example.org");
        ada.Should().BeEquivalentTo($"salesforce/Lead/{SalesforceSeed.AdaLead}", $"salesforce/Contact/{SalesforceSeed.AdaContact}", $"hubspot/contacts/{HubSpotSeed.Ada}");
        (await SourcesAsync(EntityKind.Person, "email", "ada@brightlane.io")).Should().Equal(ada);
        (await SourcesAsync(EntityKind.Person, "email", "grace@quillsoft.dev")).Should().BeEquivalentTo(
            $"salesforce/Contact/{SalesforceSeed.GraceContact}", $"hubspot/contacts/{HubSpotSeed.Grace}");
        (await SourcesAsync(EntityKind.Person, "email", "linus@fernhollow.co")).Should().BeEquivalentTo($"salesforce/Lead/{SalesforceSeed.LinusLead}");
        (await SourcesAsync(EntityKind.Person, "email", "jo@ledgerline.io")).Should().BeEquivalentTo($"hubspot/contacts/{HubSpotSeed.Jo}");

        var adaProfile = await profiles.FindProfileAsync(EntityKind.Person, "email", "ada@brightlane.io");
        adaProfile!["email"].Should().Be(FieldValue.FromText("ada@brightlane.io"), "a contact outranks a lead");
        adaProfile["title"].Should().Be(FieldValue.FromText("Chief Analyst"), "the Salesforce contact changed after the HubSpot one");
    }

    [Fact]
    public async Task Audience_OnOpportunityStageAndAmount_HoldsTheAccountsWithABigWonDeal_WhichTheSampleProviderEnriches()
    {
        await _host.SyncAllAsync();
        var audiences = _host.Get<IAudienceService>();

        var won = await CreateWonAccountsAsync();
        var run = await EnrichAsync(won);

        // Fernhollow's big opportunity is open and its won one small: the stage and the amount hold on one record.
        (await MemberDomainsAsync(won.Id)).Should().BeEquivalentTo("brightlane.io", "quillsoft.dev", "ledgerline.io");
        run.Should().Match<EnrichmentRun>(r => r.Status == EnrichmentRunStatus.Completed && r.Processed == 3 && r.Written == 3 && r.Failed == 0 && r.Credits == 6);
        await ShouldHoldAsync("brightlane.io", employees: 240, industry: "Software");
        await ShouldHoldAsync("quillsoft.dev", employees: 120, industry: "Software");
        await ShouldHoldAsync("ledgerline.io", employees: 35, industry: "Financial Services");
        await ShouldHoldAsync("fernhollow.co", employees: 12, industry: "Retail");

        var software = await CreateSoftwarePeopleAsync();
        (await MemberEmailsAsync(software.Id)).Should().BeEquivalentTo("ada@brightlane.io", "grace@quillsoft.dev");
        (await audiences.CountAsync(software.Id)).Should().Be(2);
    }

    [Fact]
    public async Task Export_WritesEachRuleAndTheMembership_IntoTheFakesStoredRecords()
    {
        await _host.SyncAllAsync();
        var (won, software) = await PrepareAudiencesAsync();
        await SaveExportsAsync(won, software);

        var runs = await RunExportsAsync();

        runs["sf-accounts"].Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Updated == 2 && r.Created == 0 && r.Skipped == 1 && r.Failed == 0);
        await OutcomeShouldBeAsync("sf-accounts", runs["sf-accounts"], "ledgerline.io", ExportOutcomeKind.Skipped, "no record from salesforce");
        var brightlane = _host.Org.Find("Account", SalesforceSeed.Brightlane)!;
        brightlane["Name"].Should().Be("Brightlane", "Never: HubSpot's 'Brightlane Inc.' is not written");
        brightlane["Industry"].Should().Be("Software", "IfEmpty: the empty Industry is filled");
        brightlane["NumberOfEmployees"].Should().Be("240", "Always: the enriched size overwrites 200");
        brightlane["Customer_Status__c"].Should().Be("Won customer", "a member");
        var quillsoft = _host.Org.Find("Account", SalesforceSeed.Quillsoft)!;
        quillsoft["Name"].Should().Be("Quillsoft");
        quillsoft["Industry"].Should().Be("Developer Tools", "IfEmpty: a value someone set stays, though the profile says Software");
        quillsoft["NumberOfEmployees"].Should().Be("120");
        quillsoft["Customer_Status__c"].Should().Be("Won customer");
        var fernhollow = _host.Org.Find("Account", SalesforceSeed.Fernhollow)!;
        fernhollow["NumberOfEmployees"].Should().Be("12", "not a member, so not written");
        fernhollow.Should().NotContainKey("Customer_Status__c");
        fernhollow["SystemModstamp"].Should().Be(Stamp(CrmHost.Seeded));
        _host.Org.Ids("Account").Should().HaveCount(3, "the accounts export creates nothing");

        runs["hs-companies"].Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Updated == 2 && r.Created == 0 && r.Skipped == 1 && r.Failed == 0);
        await OutcomeShouldBeAsync("hs-companies", runs["hs-companies"], "quillsoft.dev", ExportOutcomeKind.Skipped, "no record from hubspot");
        _host.Portal.Find("companies", HubSpotSeed.Brightlane)!.Properties.Should().Equal(new Dictionary<string, string>
        {
            ["domain"] = "brightlane.io",
            ["name"] = "Brightlane Inc.",
            ["numberofemployees"] = "240",
            ["industry"] = "Software",
            [HubSpotSeed.StatusProperty] = "won-customer",
        });
        _host.Portal.Find("companies", HubSpotSeed.Ledgerline)!.Properties.Should().Equal(new Dictionary<string, string>
        {
            ["domain"] = "ledgerline.io",
            ["name"] = "Ledgerline",
            ["numberofemployees"] = "35",
            ["industry"] = "Fintech",
            [HubSpotSeed.StatusProperty] = "won-customer",
        });
        _host.Portal.Records("companies").Should().HaveCount(2);

        // Ada's oldest Salesforce record is her lead (the leads sync first); her key is still her contact's id.
        await OutcomeShouldBeAsync("sf-contacts", runs["sf-contacts"], "ada@brightlane.io", ExportOutcomeKind.Updated, null);
        runs["sf-contacts"].Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Updated == 2 && r.Failed == 0);
        var ada = _host.Org.Find("Contact", SalesforceSeed.AdaContact)!;
        ada["FirstName"].Should().Be("Ada");
        ada["LastName"].Should().Be("Lovelace");
        ada["Title"].Should().Be("Chief Analyst");
        ada["Segment__c"].Should().Be("software-accounts");
        _host.Org.Find("Lead", SalesforceSeed.AdaLead)!.Should().NotContainKey("Segment__c", "the contact is written, never the lead it was converted from");
        var grace = _host.Org.Find("Contact", SalesforceSeed.GraceContact)!;
        grace["FirstName"].Should().Be("Grace", "IfEmpty: Salesforce had none; HubSpot's fills it");
        grace["LastName"].Should().Be("Hopper");
        grace["Title"].Should().Be("Engineer");
        grace["Segment__c"].Should().Be("software-accounts");

        runs["hs-contacts"].Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Created == 1 && r.Updated == 2 && r.Skipped == 1 && r.Failed == 0);
        await OutcomeShouldBeAsync("hs-contacts", runs["hs-contacts"], "jo@ledgerline.io", ExportOutcomeKind.Skipped, "unchanged");
        Contact(HubSpotSeed.Ada).Should().Equal(new Dictionary<string, string>
        {
            ["email"] = "ada@brightlane.io",
            ["firstname"] = "Ada",
            ["jobtitle"] = "Chief Analyst",
            [HubSpotSeed.SegmentProperty] = "software-accounts",
        }, "Always overwrites 'Analyst'; Never leaves the last name HubSpot lacks empty");
        Contact(HubSpotSeed.Grace).Should().Equal(new Dictionary<string, string>
        {
            ["email"] = "grace@quillsoft.dev",
            ["firstname"] = "Grace",
            ["jobtitle"] = "Engineer",
            [HubSpotSeed.SegmentProperty] = "software-accounts",
        });
        Contact(HubSpotSeed.Jo).Should().Equal(new Dictionary<string, string>
        {
            ["email"] = "jo@ledgerline.io",
            ["firstname"] = "Jo",
            ["lastname"] = "March",
            ["jobtitle"] = "CFO",
        });
        var linus = _host.Portal.Records("contacts").Should().ContainSingle(r => r.Properties["email"] == "linus@fernhollow.co").Subject;
        linus.Properties.Should().Equal(new Dictionary<string, string>
        {
            ["email"] = "linus@fernhollow.co",
            ["firstname"] = "Linus",
            ["jobtitle"] = "Buyer",
        }, "a created record gets the IfEmpty and Always fields, never a Never one");
        _host.Portal.Records("contacts").Should().HaveCount(4);
    }

    [Fact]
    public async Task ASecondRound_CarriesOnlyTheChanges_FromEachCrmToTheFakes()
    {
        await _host.SyncAllAsync();
        var (won, software) = await PrepareAudiencesAsync();
        await SaveExportsAsync(won, software);
        await RunExportsAsync();
        var written = new
        {
            Brightlane = _host.Org.Find("Account", SalesforceSeed.Brightlane)!["SystemModstamp"],
            Quillsoft = _host.Org.Find("Account", SalesforceSeed.Quillsoft)!["SystemModstamp"],
            Ada = _host.Org.Find("Contact", SalesforceSeed.AdaContact)!["SystemModstamp"],
            HubSpotBrightlane = _host.Portal.Find("companies", HubSpotSeed.Brightlane)!.ModifiedAt,
            HubSpotAda = _host.Portal.Find("contacts", HubSpotSeed.Ada)!.ModifiedAt,
            HubSpotLinus = _host.Portal.Records("contacts").Single(r => r.Properties["email"] == "linus@fernhollow.co").ModifiedAt,
        };

        // Fernhollow's big opportunity closes in Salesforce; Ledgerline's deal is lost and Grace is promoted in HubSpot.
        var changedAt = DateTimeOffset.UtcNow;
        _host.Org.Put("Opportunity", SalesforceSeed.FernhollowOpen, SalesforceSeed.Fields(("StageName", "Closed Won")), changedAt);
        HubSpotSeed.Change(_host.Portal, "deals", HubSpotSeed.LedgerlineDeal, changedAt, ("dealstage", "closedlost"));
        HubSpotSeed.Change(_host.Portal, "contacts", HubSpotSeed.Grace, changedAt, ("jobtitle", "Rear Admiral"));

        var syncs = await _host.SyncAllAsync();
        var refresh = await _host.Get<IAudienceService>().RefreshMembershipAsync();
        var enrichment = await EnrichAsync(won);
        var runs = await RunExportsAsync();

        syncs.Values.Should().OnlyContain(r => r.Mode == SourceReadMode.Incremental);
        (await _host.Get<IProfileService>().CountAsync(EntityKind.Person)).Should().Be(4, "the contact the export created in HubSpot comes back into Linus's profile");
        (await SourcesAsync(EntityKind.Person, "email", "linus@fernhollow.co")).Should().HaveCount(2);
        refresh.Should().Match<MembershipRefresh>(r => r.Entered == 1 && r.Exited == 1);
        (await MemberDomainsAsync(won.Id)).Should().BeEquivalentTo("brightlane.io", "quillsoft.dev", "fernhollow.co");
        enrichment.Should().Match<EnrichmentRun>(r => r.Processed == 1 && r.Written == 1 && r.Skipped == 2 && r.Credits == 2, "only Fernhollow is new");
        await ShouldHoldAsync("fernhollow.co", employees: 15, industry: "Retail");

        runs["sf-accounts"].Should().Match<ExportRun>(r => !r.Full && r.Sent == 1 && r.Updated == 1 && r.Failed == 0);
        var fernhollow = _host.Org.Find("Account", SalesforceSeed.Fernhollow)!;
        fernhollow["NumberOfEmployees"].Should().Be("15", "Always");
        fernhollow["Industry"].Should().Be("Retail");
        fernhollow["Customer_Status__c"].Should().Be("Won customer", "it entered the audience");
        _host.Org.Find("Account", SalesforceSeed.Brightlane)!["SystemModstamp"].Should().Be(written.Brightlane, "Brightlane did not change");
        _host.Org.Find("Account", SalesforceSeed.Quillsoft)!["SystemModstamp"].Should().Be(written.Quillsoft);

        runs["hs-companies"].Should().Match<ExportRun>(r => !r.Full && r.Sent == 1 && r.Updated == 1 && r.Failed == 0);
        _host.Portal.Find("companies", HubSpotSeed.Ledgerline)!.Properties.Should().Equal(new Dictionary<string, string>
        {
            ["domain"] = "ledgerline.io",
            ["name"] = "Ledgerline",
            ["numberofemployees"] = "35",
            ["industry"] = "Fintech",
        }, "a leaver's membership field is cleared and nothing else is written");
        _host.Portal.Find("companies", HubSpotSeed.Brightlane)!.ModifiedAt.Should().Be(written.HubSpotBrightlane);

        runs["sf-contacts"].Should().Match<ExportRun>(r => !r.Full && r.Sent == 1 && r.Updated == 1 && r.Failed == 0);
        var grace = _host.Org.Find("Contact", SalesforceSeed.GraceContact)!;
        grace["Title"].Should().Be("Rear Admiral", "Always: HubSpot's newer title reaches Salesforce");
        grace["FirstName"].Should().Be("Grace");
        grace["LastName"].Should().Be("Hopper");
        _host.Org.Find("Contact", SalesforceSeed.AdaContact)!["SystemModstamp"].Should().Be(written.Ada);

        runs["hs-contacts"].Should().Match<ExportRun>(r => !r.Full && r.Sent == 0 && r.Failed == 0, "HubSpot holds every change already");
        Contact(HubSpotSeed.Grace).Should().Contain("jobtitle", "Rear Admiral");
        _host.Portal.Find("contacts", HubSpotSeed.Grace)!.ModifiedAt.Should().Be(changedAt);
        _host.Portal.Find("contacts", HubSpotSeed.Ada)!.ModifiedAt.Should().Be(written.HubSpotAda);
        _host.Portal.Records("contacts").Single(r => r.Properties["email"] == "linus@fernhollow.co").ModifiedAt.Should().Be(written.HubSpotLinus);
    }

    private async Task<(Audience Won, Audience Software)> PrepareAudiencesAsync()
    {
        var won = await CreateWonAccountsAsync();
        (await EnrichAsync(won)).Status.Should().Be(EnrichmentRunStatus.Completed);
        return (won, await CreateSoftwarePeopleAsync());
    }

    private async Task SaveExportsAsync(Audience won, Audience software)
    {
        var exports = _host.Get<IExportService>();
        await exports.SaveAsync(new ExportDefinition("sf-accounts", EntityKind.Company,
            new DestinationSettings("salesforce", _host.SalesforceSettings("Account", ("fields", "Name,Industry,NumberOfEmployees,Customer_Status__c"))))
        {
            Audience = won.Id,
            KeySource = "salesforce",
            Mappings = CompanyMappings("Name", "Industry", "NumberOfEmployees"),
            Membership = [new MembershipMapping(won.Id, "Customer_Status__c", FieldValue.FromText("Won customer"))],
            Every = null,
        });
        await exports.SaveAsync(new ExportDefinition("hs-companies", EntityKind.Company,
            new DestinationSettings("hubspot", _host.HubSpotSettings("companies", ("properties", HubSpotSeed.StatusProperty))))
        {
            Audience = won.Id,
            KeySource = "hubspot",
            Mappings = CompanyMappings("name", "industry", "numberofemployees"),
            Membership = [new MembershipMapping(won.Id, HubSpotSeed.StatusProperty, FieldValue.FromText("won-customer"))],
            Every = null,
        });
        await exports.SaveAsync(new ExportDefinition("sf-contacts", EntityKind.Person,
            new DestinationSettings("salesforce", _host.SalesforceSettings("Contact", ("fields", "FirstName,LastName,Title,Segment__c"))))
        {
            Audience = software.Id,
            KeySource = "salesforce",
            Mappings = PersonMappings("FirstName", "LastName", "Title"),
            Membership = [new MembershipMapping(software.Id, "Segment__c", FieldValue.FromText("software-accounts"))],
            Every = null,
        });

        // Every person with an email, keyed by it, so the people HubSpot lacks are created.
        await exports.SaveAsync(new ExportDefinition("hs-contacts", EntityKind.Person,
            new DestinationSettings("hubspot", _host.HubSpotSettings("contacts", ("key", "email"), ("properties", HubSpotSeed.SegmentProperty))))
        {
            Mappings = PersonMappings("firstname", "lastname", "jobtitle"),
            Membership = [new MembershipMapping(software.Id, HubSpotSeed.SegmentProperty, FieldValue.FromText("software-accounts"))],
            CreateNew = true,
            Every = null,
        });
    }

    // The name is the CRM's own (Never), the industry fills a blank (IfEmpty), the size tracks the enrichment (Always).
    private static ExportMapping[] CompanyMappings(string name, string industry, string employees) =>
    [
        new("name", name) { Rule = WriteRule.Never },
        new("industry", industry) { Rule = WriteRule.IfEmpty },
        new("employees", employees) { Rule = WriteRule.Always },
    ];

    private static ExportMapping[] PersonMappings(string firstName, string lastName, string title) =>
    [
        new("first_name", firstName) { Rule = WriteRule.IfEmpty },
        new("last_name", lastName) { Rule = WriteRule.Never },
        new("title", title) { Rule = WriteRule.Always },
    ];

    private async Task<Dictionary<string, ExportRun>> RunExportsAsync()
    {
        var exports = _host.Get<IExportService>();
        var runs = new Dictionary<string, ExportRun>(StringComparer.Ordinal);
        foreach (var name in (string[])["sf-accounts", "hs-companies", "sf-contacts", "hs-contacts"])
        {
            runs[name] = await exports.RunAsync(name);
            runs[name].Failure.Should().BeNull(name);
        }

        return runs;
    }

    private async Task OutcomeShouldBeAsync(string export, ExportRun run, string alias, ExportOutcomeKind kind, string? reason)
    {
        var profiles = _host.Get<IProfileService>();
        var definition = await _host.Get<IExportService>().GetAsync(export);
        var profile = await profiles.FindProfileAsync(definition!.Kind, definition.Kind == EntityKind.Company ? "domain" : "email", alias);
        var outcomes = await _host.Get<IExportService>().ListOutcomesAsync(export, run.Id).ToListAsync();
        outcomes.Should().ContainSingle(o => o.Profile == profile!.Id).Which.Should().BeEquivalentTo(new { Kind = kind, Reason = reason }, alias);
    }

    private IReadOnlyDictionary<string, string> Contact(string id) => _host.Portal.Find("contacts", id)!.Properties;

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task<Audience> CreateWonAccountsAsync() =>
        await _host.Get<IAudienceService>().CreateAsync(
            new AudienceDefinition("Won accounts", EntityKind.Company, "ana") { Status = AudienceStatus.Active },
            "opportunities.any(stage in [\"Closed Won\", \"closedwon\"] and amount >= 10000)");

    // A person's filter cannot quantify over its company's opportunities, so the people audience follows what the
    // enrichment of the won accounts found: the people of software companies.
    private async Task<Audience> CreateSoftwarePeopleAsync() =>
        await _host.Get<IAudienceService>().CreateAsync(
            new AudienceDefinition("Software people", EntityKind.Person, "ana") { Status = AudienceStatus.Active },
            "company.industry = \"Software\"");

    private async Task<EnrichmentRun> EnrichAsync(Audience won)
    {
        var enrichments = _host.Get<IEnrichmentService>();
        if (await enrichments.GetAsync("firmographics") is null)
        {
            await enrichments.SaveAsync(new EnrichmentDefinition("firmographics", EntityKind.Company, ["sample-company"], [won.Id])
            {
                Mappings = [new EnrichmentMapping("employees", "employees"), new EnrichmentMapping("industry", "industry")],
            });
            await enrichments.SetBudgetAsync("firmographics", 100);
        }

        return await enrichments.RunAsync("firmographics");
    }

    private async Task ShouldHoldAsync(string domain, double employees, string industry)
    {
        var company = await _host.Get<IProfileService>().FindProfileAsync(EntityKind.Company, "domain", domain);
        company!["employees"].Should().Be(FieldValue.FromNumber(employees), domain);
        company["industry"].Should().Be(FieldValue.FromText(industry), domain);
    }

    private async Task<List<string>> MemberDomainsAsync(long audience) =>
        [.. (await _host.Get<IAudienceService>().ListMembersAsync(audience)).Profiles.Select(p => p["domain"].ToString())];

    private async Task<List<string>> MemberEmailsAsync(long audience) =>
        [.. (await _host.Get<IAudienceService>().ListMembersAsync(audience)).Profiles.Select(p => p["email"].ToString())];

    private async Task<List<string>> SourcesAsync(EntityKind kind, string alias, string value)
    {
        var profile = await _host.Get<IProfileService>().FindProfileAsync(kind, alias, value);
        profile.Should().NotBeNull($"a {kind} profile holds {alias} {value}");
        return [.. profile!.Sources.Select(s => $"{s.Key.Source}/{s.Key.ObjectName}/{s.Key.ExternalId}")];
    }
}
