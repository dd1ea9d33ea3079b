using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Tests.Sync;

public sealed class SyncRecordBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static SyncRecordBuilder Builder() => new(
        new SyncDefinition("leads", new SourceSettings("fake", new Dictionary<string, string>()), "Lead", "Id") { SourceName = "salesforce" },
        [new MappingProposal("Email", "email", FieldType.Text, "by name", IsAlias: true)]);

    [Fact]
    public void Build_ItemNamingItsConversionAndAccount_KeysBothUnderTheSyncsSourceName()
    {
        var item = new SourceItem("00Q1", new Dictionary<string, FieldValue> { ["Email"] = FieldValue.FromText("lead@example.com") })
        {
            ConvertedTo = new SourceReference("Contact", "0031"),
            Account = new SourceReference("Account", "0011"),
        };

        var record = Builder().Build(item, At).Record!;

        record.Key.Should().Be(new SourceRecordKey("salesforce", "Lead", "00Q1"));
        record.ConvertedTo.Should().Be(new SourceRecordKey("salesforce", "Contact", "0031"));
        record.Company!.Account.Should().Be(new SourceRecordKey("salesforce", "Account", "0011"));
    }

    [Fact]
    public void Build_ItemWithoutReferences_HasNeitherConversionNorCompany()
    {
        var record = Builder().Build(new SourceItem("00Q2", new Dictionary<string, FieldValue>()), At).Record!;

        record.ConvertedTo.Should().BeNull();
        record.Company.Should().BeNull();
    }
}
