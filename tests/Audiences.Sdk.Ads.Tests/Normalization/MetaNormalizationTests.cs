using Audiences.Sdk.Ads.Meta;
using Audiences.Sdk.Profiles;
using static Audiences.Sdk.Ads.Tests.AdWrites;

namespace Audiences.Sdk.Ads.Tests.Normalization;

/// <summary>Meta's rules, with the digests Meta would compute for the same people (SHA-256 of the UTF-8 text, lowercase hex).</summary>
public sealed class MetaNormalizationTests
{
    private readonly MetaNormalizer _normalizer = new("US");

    [Theory]
    [InlineData("test@example.com", "test@example.com", "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b")]
    [InlineData("  Test@Example.COM ", "test@example.com", "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b")]
    [InlineData("Jefferson.Loves.Hiking@gmail.com", "jefferson.loves.hiking@gmail.com", null)]
    public void Emails_are_trimmed_and_lowercased_only(string raw, string normalized, string? digest)
    {
        MetaNormalizer.Email(raw).Should().Be(normalized);
        if (digest is not null)
        {
            AdHashing.Sha256Hex(normalized).Should().Be(digest);
        }
    }

    [Theory]
    [InlineData("no-at-sign.example.com")]
    [InlineData("two@@example.com")]
    [InlineData("@example.com")]
    [InlineData("someone@localhost")]
    [InlineData("some one@example.com")]
    public void Text_that_is_not_an_address_is_no_email(string raw) => MetaNormalizer.Email(raw).Should().BeNull();

    [Theory]
    [InlineData("+1 (800) 555-0100", "18005550100", "92cfdc5fbcd4a20fbe5d3857af6c1aba31762105bba7f21a17155e920653046c")]
    [InlineData("800-555-0100", "18005550100", "92cfdc5fbcd4a20fbe5d3857af6c1aba31762105bba7f21a17155e920653046c")]
    [InlineData("+1 650 555 1212", "16505551212", "e323ec626319ca94ee8bff2e4c87cf613be6ea19919ed1364124e16807ab3176")]
    [InlineData("+44 (0)20 7946 0958", "442079460958", null)]
    public void Phones_are_digits_with_the_country_code_and_no_plus(string raw, string normalized, string? digest)
    {
        var phone = _normalizer.Phone(raw, null, out var reason);

        reason.Should().BeNull();
        phone.Should().Be(normalized);
        if (digest is not null)
        {
            AdHashing.Sha256Hex(phone!).Should().Be(digest);
        }

        // The same number with a plus is another digest, which Meta matches to no one.
        AdHashing.Sha256Hex(phone!).Should().NotBe(AdHashing.Sha256Hex("+" + phone));
    }

    [Fact]
    public void A_national_number_is_read_in_the_records_country_before_the_configured_region()
    {
        _normalizer.Phone("020 7946 0958", "GB", out _).Should().Be("442079460958");
        new MetaNormalizer(null).Phone("020 7946 0958", null, out var reason).Should().BeNull();
        reason.Should().Contain("no country code");
    }

    [Theory]
    [InlineData("12")]
    [InlineData("call me")]
    public void Text_that_is_no_valid_number_is_no_phone(string raw)
    {
        _normalizer.Phone(raw, null, out var reason).Should().BeNull();
        reason.Should().StartWith("the phone is not");
    }

    [Theory]
    [InlineData("John", "john", "96d9632f363564cc3032521409cf22a852f2032eec099ed5967c0d000cec607a")]
    [InlineData("  Smith ", "smith", "6627835f988e2c5e50533d491163072d3f4f41f5c8b04630150debb3722ca2dd")]
    [InlineData("O'Brien-Smith", "obriensmith", null)]
    [InlineData("Mary Ann", "maryann", null)]
    [InlineData("Sánchez", "sánchez", "35ede0058a578a8ed050bc5cb42df09ca7274c3b4d6e82956db4749f8c78e59a")]
    public void Names_are_lowercase_letters_only_in_utf8(string raw, string normalized, string? digest)
    {
        MetaNormalizer.Name(raw).Should().Be(normalized);
        if (digest is not null)
        {
            AdHashing.Sha256Hex(normalized).Should().Be(digest);
        }
    }

    [Fact]
    public void A_decomposed_accent_hashes_as_the_composed_one() =>
        AdHashing.Sha256Hex(MetaNormalizer.Name("Sa\u0301nchez")!).Should().Be("35ede0058a578a8ed050bc5cb42df09ca7274c3b4d6e82956db4749f8c78e59a");

    [Theory]
    [InlineData("US", "us", "79adb2a2fce5c6ba215fe5f27f532d4e7edbac4b6a5e09e1ef3a08084a904621")]
    [InlineData(" gb ", "gb", null)]
    [InlineData("USA", null, null)]
    public void Countries_are_two_lowercase_letters(string raw, string? normalized, string? digest)
    {
        MetaNormalizer.Country(raw).Should().Be(normalized);
        if (digest is not null)
        {
            AdHashing.Sha256Hex(normalized!).Should().Be(digest);
        }
    }

    [Theory]
    [InlineData("94025", "94025")]
    [InlineData("94025-1234", "94025")]
    [InlineData(" SW1A 1AA ", "sw1a 1aa")]
    public void Zip_codes_keep_the_part_before_a_dash(string raw, string normalized)
    {
        MetaNormalizer.Zip(raw).Should().Be(normalized);
        AdHashing.Sha256Hex("94025").Should().Be("b9a9cf3cd3723a2e91b7c23ecf68456e872b6e5d86e5cab7f3d45a7302da32c7");
    }

    [Fact]
    public void A_person_needs_an_email_or_a_phone_and_the_reason_names_what_failed_without_the_value()
    {
        var person = _normalizer.Person(Values(First("Ann"), Last("Lee"), Email("ann.example.com"), Phone("12")), out var reason);

        person.Should().BeNull();
        reason.Should().Be("No identifier Meta can match (it needs an email or a phone): the email is not an address; the phone is not a valid number for its region.");
    }

    [Fact]
    public void A_person_with_one_usable_identifier_keeps_it_and_drops_the_other()
    {
        var person = _normalizer.Person(Values(Email("ann.example.com"), Phone("650 555 1212")), out var reason);

        reason.Should().BeNull();
        person.Should().Be(new MetaPerson(null, "16505551212", null, null, null, null));
    }

    [Fact]
    public void Numbers_and_lists_are_read_as_text()
    {
        var values = new Dictionary<string, FieldValue>
        {
            [AdFields.Phone] = FieldValue.FromNumber(16505551212),
            [AdFields.Email] = FieldValue.FromList(["first@example.com", "second@example.com"]),
        };

        _normalizer.Person(values, out _).Should().Be(new MetaPerson("first@example.com", "16505551212", null, null, null, null));
    }

    private static Dictionary<string, FieldValue> Values(params (string Field, string Value)[] values) =>
        values.ToDictionary(v => v.Field, v => FieldValue.FromText(v.Value));
}
