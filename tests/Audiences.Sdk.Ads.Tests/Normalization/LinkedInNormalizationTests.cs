using Audiences.Sdk.Ads.LinkedIn;
using Audiences.Sdk.Profiles;
using static Audiences.Sdk.Ads.Tests.AdWrites;

namespace Audiences.Sdk.Ads.Tests.Normalization;

/// <summary>LinkedIn's rules: a SHA256_EMAIL of the trimmed, lowercased email; plain names, title, company and country.</summary>
public sealed class LinkedInNormalizationTests
{
    [Theory]
    [InlineData("dana@example.com", "07e2f1394b0ea80e2adca010ea8318df697001a005ba7452720edda4b0ce57b3")]
    [InlineData("  Dana@EXAMPLE.com ", "07e2f1394b0ea80e2adca010ea8318df697001a005ba7452720edda4b0ce57b3")]
    public void Emails_are_trimmed_lowercased_and_hashed(string raw, string digest) =>
        AdHashing.Sha256Hex(LinkedInNormalizer.Email(raw)!).Should().Be(digest);

    [Fact]
    public void Gmail_dots_are_kept() => LinkedInNormalizer.Email("a.b@gmail.com").Should().Be("a.b@gmail.com");

    [Fact]
    public void Names_stay_plain_text_of_at_most_35_characters()
    {
        LinkedInNormalizer.Name("  Dana ").Should().Be("Dana");
        LinkedInNormalizer.Name(new string('a', 40)).Should().HaveLength(35);
    }

    [Fact]
    public void The_country_is_its_upper_case_code_and_a_phone_is_not_taken()
    {
        var person = LinkedInNormalizer.Person(Values(Email("dana@example.com"), Country(" us "), Phone("+1 650 555 1212")), out _);

        person.Should().Be(new LinkedInPerson("dana@example.com", null, null, null, null, "US"));
    }

    [Fact]
    public void Without_an_email_a_first_and_a_last_name_are_needed()
    {
        LinkedInNormalizer.Person(Values(First("Dana"), Last("Scully")), out _).Should().NotBeNull();
        LinkedInNormalizer.Person(Values(First("Dana"), Phone("+1 650 555 1212")), out var reason).Should().BeNull();
        reason.Should().Be("No identifier LinkedIn can match (it needs an email, or a first and a last name): the record has none.");
    }

    private static Dictionary<string, FieldValue> Values(params (string Field, string Value)[] values) =>
        values.ToDictionary(v => v.Field, v => FieldValue.FromText(v.Value));
}
