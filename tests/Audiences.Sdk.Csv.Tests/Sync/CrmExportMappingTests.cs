using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Csv.Tests.Sync;

/// <summary>Auto-map and preview over exports as CRMs write them: their headers, their ids, their quirks.</summary>
public sealed class CrmExportMappingTests : IDisposable
{
    private readonly TempCsv _files = new();
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory().AddCsvSource());

    private ISyncService Syncs => _store.Services.GetRequiredService<ISyncService>();

    public void Dispose()
    {
        _store.Dispose();
        _files.Dispose();
    }

    [Fact]
    public async Task ProposeMappingAsync_HubSpotContactsExport_MapsEmailTitlePhoneCompanyAndWebsite()
    {
        var path = Write("hubspot-contacts.csv",
            "Record ID,First Name,Last Name,Email,Job Title,Phone Number,Company Name,Website URL,Lifecycle Stage,Create Date",
            "51,Ada,Lovelace,ada@analytical.io,CTO,+44 20 7946 0018,Analytical Engines,https://analytical.io,customer,2024-02-01 10:15");

        var proposals = await Syncs.ProposeMappingAsync(Csv(path), "hubspot-contacts", EntityKind.Person);

        var mapping = proposals.ToDictionary(p => p.SourceField, p => p.Field);
        mapping["Email"].Should().Be("email");
        mapping["Job Title"].Should().Be("title");
        mapping["Phone Number"].Should().Be("phone");
        mapping["Company Name"].Should().Be("company_name");
        mapping["Website URL"].Should().Be("company_domain", "a person's company website links the person to the company");
        mapping["Lifecycle Stage"].Should().Be("lifecycle_stage");
        proposals.Single(p => p.SourceField == "Email").IsAlias.Should().BeTrue();
        proposals.Single(p => p.SourceField == "Create Date").Type.Should().Be(FieldType.DateTime);
    }

    [Fact]
    public async Task ProposeMappingAsync_SalesforceAccountsExport_MapsWebsiteToTheCompanysDomain()
    {
        var path = Write("accounts.csv",
            "Account ID,Account Name,Website,Industry,Employees,Billing City",
            "0015g00000XyZ01,Analytical Engines,analytical.io,Computing,240,London");

        var proposals = await Syncs.ProposeMappingAsync(Csv(path), "accounts", EntityKind.Company);

        var mapping = proposals.ToDictionary(p => p.SourceField, p => p.Field);
        mapping["Account Name"].Should().Be("name");
        mapping["Website"].Should().Be("domain");
        mapping["Employees"].Should().Be("employees");
        proposals.Single(p => p.SourceField == "Employees").Type.Should().Be(FieldType.Number);
        proposals.Single(p => p.SourceField == "Website").IsAlias.Should().BeTrue();
    }

    [Fact]
    public async Task ProposeMappingAsync_SynonymsOfEmail_AllLandOnEmail()
    {
        var path = Write("leads.csv", "E-mail Address,work_email,Business Email", "a@x.io,b@x.io,c@x.io");

        var proposals = await Syncs.ProposeMappingAsync(Csv(path), "leads", EntityKind.Person);

        proposals.Where(p => p.SourceField != CsvFileSource.RowNumberField).Select(p => p.Field).Should().AllBe("email");
    }

    [Fact]
    public async Task SaveAsync_ATimestampFieldOnAFile_IsRefused_SinceAFileIsReadOnlyInFull()
    {
        var path = Write("contacts.csv", "Contact ID,Email,Last Modified", "003A,ada@analytical.io,2026-03-01T09:00:00Z");

        var save = () => Syncs.SaveAsync(new SyncDefinition("contacts", Csv(path), "contacts", "Contact ID") { TimestampField = "Last Modified" });

        await save.Should().ThrowAsync<ArgumentException>().WithMessage("*'Last Modified' as its timestamp field*read only in full*");
        (await Syncs.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_AFileKeyedByEmail_KeepsTheEmailOnTheProfile_SoOtherSourcesMatchIt()
    {
        var path = Write("newsletter.csv", "Email,Name", "ada@analytical.io,Ada");
        var definition = new SyncDefinition("newsletter", Csv(path), "newsletter", "Email");

        var proposals = await Syncs.ProposeMappingAsync(Csv(path), "newsletter", EntityKind.Person);
        await Syncs.SaveAsync(definition);
        await Syncs.RunAsync("newsletter");

        proposals.Should().ContainSingle(p => p.SourceField == "Email").Which.Should().Match<MappingProposal>(p => p.Field == "email" && p.IsAlias);
        (await _store.Service.FindProfileAsync(EntityKind.Person, "email", "ada@analytical.io")).Should().NotBeNull();
    }

    [Fact]
    public async Task ProposeMappingAsync_TheRowNumberTheReaderMakesUp_IsNeverProposedAsAField()
    {
        var path = Write("people.csv", "Email,Row", "a@x.io,7");

        var proposals = await Syncs.ProposeMappingAsync(Csv(path), "people", EntityKind.Person);

        proposals.Single(p => p.SourceField == CsvFileSource.RowNumberField).Should().Match<MappingProposal>(p => p.Field == null && p.Reason == "generated");
        proposals.Single(p => p.SourceField == "Row").Field.Should().Be("row", "a column of the file named Row is data");
    }

    [Fact]
    public async Task PreviewAsync_ShowsRecordsAsTheyWouldLand_AndWarnsOfDuplicateIdsAndWrongTypes()
    {
        var path = Write("contacts.csv",
            "Contact ID,Email,Title,Lead Score",
            "003A,ada@analytical.io,CTO,91",
            "003B,grace@navy.mil,Rear Admiral,88",
            "003A,ada.l@analytical.io,CTO,90");
        await _store.Service.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("app", "users", "1"), EntityKind.Person, SourceKind.Upsert,
                new Dictionary<string, FieldValue> { ["lead_score"] = FieldValue.FromNumber(1) })],
            new ImportOptions(EntityKind.Person));
        var definition = new SyncDefinition("sf-contacts", Csv(path), "contacts", "Contact ID") { SourceKind = SourceKind.Crm };

        var preview = await Syncs.PreviewAsync(definition, rows: 10);

        preview.Records.Should().HaveCount(2, "the repeated id is rejected by the CSV reader");
        preview.Records[0].Key.Should().Be(new SourceRecordKey("sf-contacts", "contacts", "003A"));
        preview.Records[0].Values["lead_score"].Should().Be(FieldValue.FromNumber(91), "the catalog's number field types the column");
        preview.Warnings.Should().ContainSingle(w => w.Contains("003A"), "the repeated id is warned about once, with the reader's reason")
            .Which.Should().Contain("line 4");
        (await _store.Service.CountAsync(EntityKind.Person)).Should().Be(1, "a preview stores nothing");
    }

    [Fact]
    public async Task PreviewAsync_NoFieldMapsToAnAlias_WarnsThatEveryRecordWouldStandAlone()
    {
        var path = Write("names.csv", "Full Name,City", "Ada Lovelace,London");

        var preview = await Syncs.PreviewAsync(new SyncDefinition("names", Csv(path), "names", CsvFileSource.RowNumberField));

        preview.Warnings.Should().ContainSingle().Which.Should().Contain("No field maps to an alias").And.Contain("email, linkedin_url");
        preview.Records.Should().ContainSingle().Which.Values.Keys.Should().BeEquivalentTo("full_name", "city");
    }

    private string Write(string name, params string[] lines) => _files.Write(string.Join("\n", lines) + "\n", name);

    private static SourceSettings Csv(string path) => new(CsvSourceFactory.SourceType, new Dictionary<string, string> { ["path"] = path });
}
