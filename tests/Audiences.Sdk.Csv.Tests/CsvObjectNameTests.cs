using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Csv.Tests;

/// <summary>The object name in each record's key: the kind's by default, so one source can hold people and companies.</summary>
public sealed class CsvObjectNameTests : IDisposable
{
    private readonly TempCsv _files = new();
    private readonly StoreWorkspace _store = StoreWorkspace.Create(b => b.UseInMemory());
    private readonly IProfileService _profiles;

    public CsvObjectNameTests() =>
        _profiles = _store.Service;

    public void Dispose()
    {
        _store.Dispose();
        _files.Dispose();
    }

    [Theory]
    [InlineData(EntityKind.Person, "people")]
    [InlineData(EntityKind.Company, "companies")]
    public async Task ReadAsync_NoObjectName_UsesTheKindsName(EntityKind kind, string objectName)
    {
        var path = _files.Write("name\nAcme\n", "crm.csv");

        var rows = await TempCsv.ReadAsync(new CsvSourceOptions(path, kind));

        rows.Should().ContainSingle().Which.Record!.Key.Should().Be(new SourceRecordKey("crm", objectName, "1"));
        new CsvSourceOptions(path, kind).ObjectName.Should().Be(CsvSourceOptions.DefaultObjectName(kind));
    }

    [Fact]
    public void ObjectName_Given_IsKeptThroughWith()
    {
        var options = new CsvSourceOptions("crm.csv", EntityKind.Person) { ObjectName = "rows" };

        (options with { Kind = EntityKind.Company }).ObjectName.Should().Be("rows");
        (new CsvSourceOptions("crm.csv", EntityKind.Person) with { Kind = EntityKind.Company }).ObjectName.Should().Be("companies");
    }

    [Fact]
    public async Task ImportCsvAsync_PeopleThenCompaniesFromOneSource_KeepsBoth()
    {
        var people = _files.Write("email,name\nada@example.com,Ada\ngrace@example.com,Grace\n", "people.csv");
        var companies = _files.Write("domain,name\nacme.example,Acme\nglobex.example,Globex\n", "companies.csv");

        var first = await _profiles.ImportCsvAsync(new CsvSourceOptions(people, EntityKind.Person) { SourceName = "crm" });
        var second = await _profiles.ImportCsvAsync(new CsvSourceOptions(companies, EntityKind.Company) { SourceName = "crm" });

        first.Created.Should().Be(2);
        second.Rejected.Should().Be(0, "the companies' keys are crm/companies/N, not the people's crm/people/N");
        second.Created.Should().Be(2);
    }

    [Fact]
    public async Task ImportCsvAsync_ObjectNameRows_UpdatesRecordsImportedUnderTheFormerDefault()
    {
        var before = _files.Write("email,title\nada@example.com,Engineer\n", "crm.csv");
        await _profiles.ImportCsvAsync(new CsvSourceOptions(before, EntityKind.Person) { ObjectName = "rows" });
        var after = _files.Write("email,title\nada@example.com,CTO\n", "crm.csv");

        var result = await _profiles.ImportCsvAsync(new CsvSourceOptions(after, EntityKind.Person) { ObjectName = "rows" });

        result.Updated.Should().Be(1);
        result.Created.Should().Be(0);
        var profile = await _profiles.ListProfilesAsync(EntityKind.Person).SingleAsync();
        profile.Sources.Should().ContainSingle().Which.Key.Should().Be(new SourceRecordKey("crm", "rows", "1"));
    }
}
