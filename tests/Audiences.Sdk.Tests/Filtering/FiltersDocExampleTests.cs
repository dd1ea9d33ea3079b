using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

/// <summary>The C# example at the top of docs/filters.md, run as written.</summary>
public class FiltersDocExampleTests
{
    [Fact]
    public void DocsExample_ParsesEvaluatesAndSerializes()
    {
        var catalog = TestCatalog.Instance;
        var key = new SourceRecordKey("crm", "contact", "1");
        var now = DateTimeOffset.UnixEpoch;
        Profile Make(EntityKind kind, string field, FieldValue value) => new(
            new ProfileId(1), kind, 1, now, new Dictionary<string, ProfileValue> { [field] = new(value, key, SourceKind.Crm, now) }, [], []);
        var person = Make(EntityKind.Person, "title", FieldValue.FromText("SVP Sales"));
        var company = Make(EntityKind.Company, "employee_count", FieldValue.FromNumber(120));

        BoundFilter filter = FilterParser.Parse(
            "title contains \"VP\" and company.employee_count < 500", EntityKind.Person, catalog);
        bool matches = new FilterEvaluator(TimeProvider.System).Matches(filter, FilterRecord.FromProfile(person, company: company));
        string json = FilterJson.Serialize(filter.Filter);

        matches.Should().BeTrue();
        json.Should().StartWith("{\"version\":1,\"filter\":{\"and\":[");
        FilterJson.Deserialize(json).Should().Be(filter.Filter);
    }
}
