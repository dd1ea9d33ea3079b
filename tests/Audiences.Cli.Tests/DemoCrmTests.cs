namespace Audiences.Cli.Tests;

/// <summary>The demo's CRM sections: the imports from the local Salesforce and HubSpot stand-ins, and the write-back to them.</summary>
public sealed class DemoCrmTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_crm_imports_read_every_object_join_the_converted_lead_and_read_only_the_changed_opportunity_again()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var crm = result.Json["crm"]!;
        ((string)crm["standIns"]!["salesforce"]!).Should().StartWith("http://127.0.0.1:");
        ((string)crm["standIns"]!["hubspot"]!).Should().StartWith("http://127.0.0.1:");
        var imports = crm["imports"]!.AsArray();
        imports.Select(i => (string)i!["sync"]!).Should().Equal(
            "salesforce:salesforce:Account", "salesforce:salesforce:Contact", "salesforce:salesforce:Lead", "salesforce:salesforce:Opportunity",
            "hubspot:hubspot:companies", "hubspot:hubspot:contacts", "hubspot:hubspot:deals");
        imports.Select(i => (long)i!["read"]!).Should().Equal(3, 3, 2, 3, 2, 3, 2);
        imports.Select(i => (long)i!["created"]!).Should().OnlyContain(c => c == 0, "every CRM record is about a person or company of the sample files");
        imports.Select(i => (long)i!["related"]!).Should().Equal(0, 0, 0, 3, 0, 0, 2);
        imports.Select(i => (long)i!["calls"]!).Should().Equal(3, 3, 3, 3, 2, 2, 3);
        imports.Should().OnlyContain(i => (string)i!["status"]! == "succeeded" && (long)i["rejected"]! == 0);

        var rerun = crm["rerun"]!;
        ((string)rerun["sync"]!).Should().Be("salesforce:salesforce:Opportunity");
        ((string)rerun["mode"]!).Should().Be("incremental");
        ((long)rerun["read"]!).Should().Be(1, "only the opportunity changed since the first import");
        ((long)rerun["related"]!).Should().Be(1);
        ((long)crm["calls"]!["salesforce"]!).Should().Be(15);
        ((long)crm["calls"]!["hubspot"]!).Should().Be(7);

        var carmen = crm["converted"]!["profile"]!;
        ((string)carmen["fields"]!["first_name"]!).Should().Be("Carmen");
        carmen["aliases"]!["email"]!.AsArray().Select(a => (string)a!).Should().Contain(["carmen.ruiz@copperleaf.ai", "carmen.ruiz@fastmail.com"]);
        carmen["sources"]!.AsArray().Select(s => $"{s!["source"]}/{s["object"]}").Should().Contain(["crm_contacts/people", "salesforce/Contact", "salesforce/Lead"]);
        ((string?)carmen["fields"]!["convertedcontactid"]).Should().BeNull("the conversion joins the profiles; the id is no profile field");
        ((long)result.Json["counts"]!["person"]!).Should().Be(28);
        ((long)result.Json["counts"]!["company"]!).Should().Be(8);
    }

    [Fact]
    public async Task The_write_back_plans_and_runs_an_export_to_each_crm_and_the_stand_ins_hold_what_it_wrote()
    {
        var result = await _workspace.RunAsync("--json", "demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var export = result.Json["crmExport"]!;
        var audience = export["audience"]!;
        ((string)audience["name"]!).Should().Be("Open pipeline of 20,000 or more");
        ((string)audience["kind"]!).Should().Be("company");
        ((long)audience["count"]!).Should().Be(3);
        audience["members"]!.AsArray().Select(m => (string)m!["fields"]!["name"]!).Should().BeEquivalentTo("Brightlane", "Copperleaf AI", "Quillsoft");
        audience["members"]!.AsArray().SelectMany(m => m!["related"]!.AsArray()).Select(r => (string)r!["type"]!).Should().BeEquivalentTo("opportunity", "opportunity", "deal");

        var salesforce = export["salesforce"]!;
        ((string)salesforce["definition"]!["destination"]!["type"]!).Should().Be("salesforce");
        ((string)salesforce["definition"]!["destination"]!["settings"]!["token"]!).Should().Be("***");
        ((int)salesforce["plan"]!["records"]!).Should().Be(5);
        ((int)salesforce["plan"]!["actions"]!["update"]!).Should().Be(3);
        ((int)salesforce["plan"]!["actions"]!["skip"]!).Should().Be(2, "Elena and Sofia have no Salesforce contact");
        ((long)salesforce["run"]!["updated"]!).Should().Be(3);
        ((long)salesforce["run"]!["skipped"]!).Should().Be(2);
        ((long)salesforce["run"]!["failed"]!).Should().Be(0);
        var priya = salesforce["records"]!.AsArray().Single(r => (string)r!["id"]! == "003A0000001")!["fields"]!;
        ((string)priya["Lead_Score__c"]!).Should().Be("88");
        ((string)priya["Phone"]!).Should().Be("+1 512 555 0142");
        ((string)priya["Job_Change__c"]!).Should().Be("true", "the job-moves signal fired for her");
        var carmen = salesforce["records"]!.AsArray().Single(r => (string)r!["id"]! == "003A0000003")!["fields"]!;
        ((string)carmen["Lead_Score__c"]!).Should().Be("81", "the raised score of the changed CSV row");
        ((string)carmen["Job_Change__c"]!).Should().Be("false");

        var hubSpot = export["hubspot"]!;
        ((int)hubSpot["plan"]!["records"]!).Should().Be(8);
        ((int)hubSpot["plan"]!["actions"]!["update"]!).Should().Be(2);
        ((long)hubSpot["run"]!["updated"]!).Should().Be(2);
        ((long)hubSpot["run"]!["skipped"]!).Should().Be(6);
        var companies = hubSpot["records"]!.AsArray().ToDictionary(r => (string)r!["id"]!, r => r!["fields"]!);
        ((string)companies["5001"]["open_pipeline"]!).Should().Be("true");
        ((string)companies["5002"]["open_pipeline"]!).Should().Be("false");
        ((string)companies["5002"]["industry"]!).Should().Be("Financial Services", "HubSpot had none, and the rule is if-empty");
        result.Stdout.Should().NotContain("pat-demo-token").And.NotContain("00Dfake!");
    }

    [Fact]
    public async Task The_human_report_says_the_crms_are_local_stand_ins_and_places_imports_after_the_warehouse_and_the_write_back_after_the_exports()
    {
        var result = await _workspace.RunAsync("demo");

        result.ExitCode.Should().Be(0, result.ToString());
        var text = result.Stdout;
        var imports = text.IndexOf("CRM imports:", StringComparison.Ordinal);
        var pipeline = text.IndexOf("Audience on CRM pipeline:", StringComparison.Ordinal);
        var salesforce = text.IndexOf("Write-back to Salesforce:", StringComparison.Ordinal);
        var hubSpot = text.IndexOf("Write-back to HubSpot:", StringComparison.Ordinal);
        var explore = text.IndexOf("Explore the demo database:", StringComparison.Ordinal);
        imports.Should().BeGreaterThan(text.IndexOf("Push: the product upserted", StringComparison.Ordinal));
        text.IndexOf("Result: 28 people and 8 companies", StringComparison.Ordinal).Should().BeGreaterThan(imports);
        pipeline.Should().BeGreaterThan(text.IndexOf("Write plan of a SQL export", StringComparison.Ordinal));
        salesforce.Should().BeGreaterThan(pipeline);
        hubSpot.Should().BeGreaterThan(salesforce);
        explore.Should().BeGreaterThan(hubSpot);

        text[imports..pipeline].Should().Contain("local stand-ins").And.Contain("wire protocols")
            .And.Contain("salesforce:salesforce:Lead         succeeded (incremental").And.Contain("read 2, created 0, updated 2")
            .And.Contain("related 3; 3 API calls").And.Contain("related 2; 3 API calls")
            .And.Contain("it joined the contact's profile").And.Contain("carmen.ruiz@copperleaf.ai, carmen.ruiz@fastmail.com")
            .And.Contain("moved to Proposal at 30,000").And.Contain("read 1, created 0, updated 0, unchanged 0, merged 0, rejected 0, deleted 0, related 1")
            .And.Contain("API calls spent, as the stand-ins counted them: Salesforce 15, HubSpot 7");
        text[pipeline..salesforce].Should().Contain("members:    3 active records")
            .And.Contain("Brightlane: opportunity 'Brightlane platform renewal', 48,000, Negotiation")
            .And.Contain("Quillsoft: deal 'Quillsoft business plan', 24,000, contractsent");
        text[salesforce..hubSpot].Should().Contain("Export 'salesforce-contacts' would consider 5 records: 3 will update, 2 skip.")
            .And.Contain("export run: completed (full): sent 3 (3 updated), 3 succeeded, 0 failed, 2 skipped")
            .And.Contain("Contact 003A0000001 in the stand-in now: FirstName=Priya, LastName=Raman, Email=priya.raman@brightlane.io, Lead_Score__c=88, Phone=+1 512 555 0142, Job_Change__c=true");
        text[hubSpot..explore].Should().Contain("Export 'hubspot-companies' would consider 8 records: 2 will update, 6 skip.")
            .And.Contain("sent 2 (2 updated), 2 succeeded, 0 failed, 6 skipped")
            .And.Contain("company 5001 in the stand-in now: name=Quillsoft, domain=quillsoft.dev, industry=Software, open_pipeline=true");
        text[explore..].Should().Contain("import salesforce --instance-url").And.Contain("stand-ins that stopped with it");

        var syncs = await CliWorkspace.RunRawAsync(["--db", Path.Combine(_workspace.Folder, "demo.db"), "--json", "sync", "list"]);
        syncs.Json.AsArray().Select(s => (string)s!["name"]!).Should().Contain("salesforce:salesforce:Opportunity").And.Contain("hubspot:hubspot:deals");
        syncs.Stdout.Should().NotContain("pat-demo-token");
    }
}
