using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Matching;

public class PhoneNormalizationTests
{
    [Theory]
    [InlineData("+1 650-253-0000", "+16502530000")]
    [InlineData("+1 (650) 253 0000", "+16502530000")]
    [InlineData("tel:+16502530000", "+16502530000")]
    [InlineData("+44 20 7031 3000", "+442070313000")]
    [InlineData("011 44 20 7031 3000", "+442070313000")]
    public void Phone_WithCountryCode_IsE164(string raw, string expected) =>
        new AliasNormalizer(defaultPhoneRegion: "US").Normalize(AliasFields.Phone, raw).Value.Should().Be(expected);

    [Fact]
    public void Phone_WithoutCountryCode_UsesTheDefaultRegion()
    {
        new AliasNormalizer(defaultPhoneRegion: "US").Normalize(AliasFields.Phone, "(650) 253-0000").Value.Should().Be("+16502530000");
        new AliasNormalizer(defaultPhoneRegion: "GB").Normalize(AliasFields.Phone, "020 7031 3000").Value.Should().Be("+442070313000");
    }

    [Fact]
    public void Phone_WithoutCountryCodeOrRegion_SaysWhatToSet()
    {
        var result = AliasNormalizer.Default.Normalize(AliasFields.Phone, "(650) 253-0000");

        result.IsValid.Should().BeFalse();
        result.Problem.Should().Contain("DefaultPhoneRegion");
    }

    [Theory]
    [InlineData("12")]
    [InlineData("+1 000 000 0000")]
    [InlineData("call me")]
    public void Phone_Invalid_IsNotAnAlias(string raw) =>
        new AliasNormalizer(defaultPhoneRegion: "US").Normalize(AliasFields.Phone, raw).IsValid.Should().BeFalse();

    [Fact]
    public void Normalizer_UnknownRegion_Throws()
    {
        var act = () => new AliasNormalizer(defaultPhoneRegion: "XX");
        act.Should().Throw<ArgumentException>().WithMessage("*ISO 3166*");
    }
}
