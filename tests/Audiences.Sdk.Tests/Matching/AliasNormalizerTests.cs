using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Matching;

public class AliasNormalizerTests
{
    private static string? Normalize(string field, string raw) => AliasNormalizer.Default.Normalize(field, raw).Value;

    [Theory]
    [InlineData(" Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [InlineData("mailto:ada@example.com", "ada@example.com")]
    [InlineData("ada@example.com.", "ada@example.com")]
    [InlineData("A.Da+News@GoogleMail.com", "ada@gmail.com")]
    [InlineData("a.d.a@gmail.com", "ada@gmail.com")]
    [InlineData("ada+tag@example.com", "ada+tag@example.com")]
    [InlineData("jürgen@bücher.de", "jürgen@xn--bcher-kva.de")]
    public void Email_Variants_Normalize(string raw, string expected) =>
        Normalize(AliasFields.Email, raw).Should().Be(expected);

    [Theory]
    [InlineData("not an email")]
    [InlineData("ada@")]
    [InlineData("@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("ada@localhost")]
    [InlineData("   ")]
    public void Email_Invalid_IsRejectedWithAReason(string raw)
    {
        var result = AliasNormalizer.Default.Normalize(AliasFields.Email, raw);
        result.IsValid.Should().BeFalse();
        result.Problem.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("https://www.linkedin.com/in/ada-lovelace/", "linkedin.com/in/ada-lovelace")]
    [InlineData("http://linkedin.com/in/Ada-Lovelace", "linkedin.com/in/ada-lovelace")]
    [InlineData("uk.linkedin.com/in/ada-lovelace?trk=public", "linkedin.com/in/ada-lovelace")]
    [InlineData("HTTPS://DE.LINKEDIN.COM/IN/ADA-LOVELACE/#about", "linkedin.com/in/ada-lovelace")]
    [InlineData("linkedin.com/in/ada-lovelace/details/skills/", "linkedin.com/in/ada-lovelace")]
    [InlineData("https://www.linkedin.com/in/j%C3%BCrgen", "linkedin.com/in/jürgen")]
    [InlineData("https://www.linkedin.com/company/acme-inc/", "linkedin.com/company/acme-inc")]
    [InlineData("http://www.linkedin.com/pub/ada-lovelace/a7/576/b50", "linkedin.com/in/ada-lovelace-b50576a7")]
    public void LinkedIn_Variants_Normalize(string raw, string expected) =>
        Normalize(AliasFields.LinkedInUrl, raw).Should().Be(expected);

    [Theory]
    [InlineData("https://example.com/in/ada")]
    [InlineData("https://www.linkedin.com/feed/")]
    [InlineData("https://notlinkedin.com/in/ada")]
    public void LinkedIn_NotAProfile_IsRejected(string raw) =>
        AliasNormalizer.Default.Normalize(AliasFields.LinkedInUrl, raw).IsValid.Should().BeFalse();

    [Theory]
    [InlineData("HTTPS://WWW.Example.com:443/about?x=1#top", "example.com")]
    [InlineData("example.com.", "example.com")]
    [InlineData("www.example.co.uk", "example.co.uk")]
    [InlineData("shop.example.com", "shop.example.com")]
    [InlineData("bücher.de", "xn--bcher-kva.de")]
    [InlineData("ada@example.com", "example.com")]
    public void Domain_Variants_Normalize(string raw, string expected) =>
        Normalize(AliasFields.Domain, raw).Should().Be(expected);

    [Theory]
    [InlineData("localhost")]
    [InlineData("http://")]
    [InlineData("exa mple.com")]
    public void Domain_Invalid_IsRejected(string raw) =>
        AliasNormalizer.Default.Normalize(AliasFields.Domain, raw).IsValid.Should().BeFalse();

    [Fact]
    public void OtherFields_AreTrimmedAndLowerCased() =>
        Normalize("crm_uid", "  ABC-1 ").Should().Be("abc-1");
}
