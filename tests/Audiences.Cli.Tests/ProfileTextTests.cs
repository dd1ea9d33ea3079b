using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Tests;

public sealed class ProfileTextTests
{
    private static readonly SourceRecordKey Source = new("crm", "rows", "1");

    [Fact]
    public void DisplayName_OfAPersonWithOnlyTheirCompanysName_IsTheirOwnName_NotTheCompanys()
    {
        var person = Profile(EntityKind.Person, ("first_name", "Priya"), ("last_name", "Shah"), ("company_name", "Acme"));

        ProfileText.DisplayName(person).Should().Be("Priya Shah");
    }

    [Fact]
    public void DisplayName_OfAPersonWithNoName_IsEmpty_EvenWithACompanyName()
    {
        ProfileText.DisplayName(Profile(EntityKind.Person, ("company_name", "Acme"))).Should().BeEmpty();
    }

    [Fact]
    public void DisplayName_OfACompany_IsItsName_ThenItsCompanyName()
    {
        ProfileText.DisplayName(Profile(EntityKind.Company, ("company_name", "Acme Ltd"))).Should().Be("Acme Ltd");
        ProfileText.DisplayName(Profile(EntityKind.Company, ("name", "Acme"), ("company_name", "Acme Ltd"))).Should().Be("Acme");
    }

    private static Profile Profile(EntityKind kind, params (string Field, string Value)[] values) =>
        new(new ProfileId(1), kind, 1, DateTimeOffset.UnixEpoch,
            values.ToDictionary(v => v.Field, v => new ProfileValue(FieldValue.FromText(v.Value), Source, SourceKind.Crm, DateTimeOffset.UnixEpoch)),
            [], []);
}
