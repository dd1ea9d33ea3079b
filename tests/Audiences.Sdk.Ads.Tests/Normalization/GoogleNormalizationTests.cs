using Audiences.Sdk.Ads.Google;
using Audiences.Sdk.Profiles;
using static Audiences.Sdk.Ads.Tests.AdWrites;

namespace Audiences.Sdk.Ads.Tests.Normalization;

/// <summary>Google's Data Manager API formatting rules, with the digests Google would compute (hex encoding).</summary>
public sealed class GoogleNormalizationTests
{
    private readonly GoogleNormalizer _normalizer = new("US");

    [Theory]
    [InlineData("jefferson.Loves.hiking@gmail.com", "jeffersonloveshiking@gmail.com")]
    [InlineData("Jefferson.Loves.Hiking+newsletter@gmail.com", "jeffersonloveshiking@gmail.com")]
    [InlineData(" jefferson.loves.hiking@googlemail.com ", "jeffersonloveshiking@googlemail.com")]
    [InlineData("jefferson . loves . hiking @ gmail . com", "jeffersonloveshiking@gmail.com")]
    public void Gmail_addresses_lose_dots_and_plus_suffixes_in_the_local_part(string raw, string normalized)
    {
        GoogleNormalizer.Email(raw).Should().Be(normalized);
        AdHashing.Sha256Hex(normalized).Should().Be(Sha.Hex(normalized));
    }

    [Fact]
    public void The_gmail_example_hashes_to_its_digest() =>
        AdHashing.Sha256Hex(GoogleNormalizer.Email("jefferson.Loves.hiking@gmail.com")!).Should().Be("515d2f967f73864e76937ab2b897210a86fd286016903b1b08c3da07c75f513e");

    [Theory]
    [InlineData("Jefferson.Loves.Hiking@Example.com", "jefferson.loves.hiking@example.com", "826aaf46aed6f621c94df86f40f9aff9b221f4d6fd69ab5b3e7eac2637cf354c")]
    [InlineData("jefferson.loves.hiking+ads@example.com", "jefferson.loves.hiking+ads@example.com", null)]
    public void Other_domains_keep_dots_and_plus_suffixes(string raw, string normalized, string? digest)
    {
        GoogleNormalizer.Email(raw).Should().Be(normalized);
        if (digest is not null)
        {
            AdHashing.Sha256Hex(normalized).Should().Be(digest);
        }
    }

    [Fact]
    public void A_gmail_address_of_only_dots_and_a_suffix_is_no_email() => GoogleNormalizer.Email(".+x@gmail.com").Should().BeNull();

    [Theory]
    [InlineData("1 800 555 0100", "+18005550100", "fb4f73a6ec5fdb7077d564cdd22c3554b43ce49168550c3b12c547b78c517b30")]
    [InlineData("+1 (800) 555-0100", "+18005550100", "fb4f73a6ec5fdb7077d564cdd22c3554b43ce49168550c3b12c547b78c517b30")]
    [InlineData("650.555.1212", "+16505551212", "1e231c66011e7a2d867a9cfae267a6aff103cf4913640b6e71a99850fc0ffbc8")]
    public void Phones_are_e164_with_the_plus(string raw, string normalized, string digest)
    {
        var phone = _normalizer.Phone(raw, null, out _);

        phone.Should().Be(normalized);
        AdHashing.Sha256Hex(phone!).Should().Be(digest);
    }

    [Theory]
    [InlineData(" Alex ", "alex", "4135aa9dc1b842a653dea846903ddb95bfb8c5a10c504a7fa16e10bc31d1fdf0")]
    [InlineData("Mrs. Mary", "mary", "6915771be1c5aa0c886870b6951b03d7eafc121fea0e80a5ea83beb7c449f4ec")]
    [InlineData("Dr Alex", "alex", "4135aa9dc1b842a653dea846903ddb95bfb8c5a10c504a7fa16e10bc31d1fdf0")]
    [InlineData("Quinn Jr.", "quinn", "c512ca0c5c1e71be19f3356821e56732b5fb3ac894b0dbc5846d0b6920106fb3")]
    [InlineData("Quinn, III", "quinn", "c512ca0c5c1e71be19f3356821e56732b5fb3ac894b0dbc5846d0b6920106fb3")]
    [InlineData("Mary Ann", "mary ann", null)]
    [InlineData("Jr", "jr", null)]
    public void Names_are_lowercase_and_trimmed_without_prefixes_or_suffixes(string raw, string normalized, string? digest)
    {
        GoogleNormalizer.Name(raw).Should().Be(normalized);
        if (digest is not null)
        {
            AdHashing.Sha256Hex(normalized).Should().Be(digest);
        }
    }

    [Fact]
    public void The_address_is_kept_only_whole_with_region_and_postal_code_unhashed()
    {
        var whole = _normalizer.Person(Values(First("Alex"), Last("Quinn"), Country("us"), Zip(" 94045 ")), out _);
        var partial = _normalizer.Person(Values(Email("a@example.com"), First("Alex"), Last("Quinn"), Country("us")), out _);

        whole!.Address.Should().Be(new GoogleAddress("alex", "quinn", "US", "94045"));
        partial!.Address.Should().BeNull();
        partial.Email.Should().Be("a@example.com");
    }

    [Fact]
    public void A_person_without_any_identifier_gets_the_reason()
    {
        _normalizer.Person(Values(First("Alex")), out var reason).Should().BeNull();

        reason.Should().Be("No identifier Google can match (it needs an email, a phone, or first name, last name, country and zip together): the record has none.");
    }

    private static Dictionary<string, FieldValue> Values(params (string Field, string Value)[] values) =>
        values.ToDictionary(v => v.Field, v => FieldValue.FromText(v.Value));
}
