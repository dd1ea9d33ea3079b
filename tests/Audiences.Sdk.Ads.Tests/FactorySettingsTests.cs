using Audiences.Sdk.Ads.Google;
using Audiences.Sdk.Ads.LinkedIn;
using Audiences.Sdk.Ads.Meta;
using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Ads.Tests;

/// <summary>The factories check their settings without reaching the platform, and name the setting that is wrong.</summary>
public sealed class FactorySettingsTests
{
    private static readonly IOptions<AdPlatformOptions> Defaults = Options.Create(new AdPlatformOptions());

    public static TheoryData<string, string, string, string> BadSettings => new()
    {
        { "meta", "token", "", "*needs the setting 'token'*" },
        { "meta", "ad-account", "1234x", "*'ad-account' is '1234x'*numeric id*act_<id>*" },
        { "meta", "custom-audience-id", "", "*needs the setting 'custom-audience-id'*" },
        { "meta", "endpoint", "ftp://graph.example", "*'endpoint'*no http or https URL*" },
        { "meta", "batch-size", "10001", "*'batch-size' is '10001'*from 1 to 10000*" },
        { "meta", "batch-size", "0", "*from 1 to 10000*" },
        { "meta", "phone-region", "XX", "*'phone-region' is 'XX'*" },
        { "meta", "version", "v1/../x", "*'version'*" },
        { "google", "operating-account", "abc", "*'operating-account' is 'abc'*" },
        { "google", "user-list", "", "*needs the setting 'user-list'*" },
        { "google", "consent", "maybe", "*'consent' is 'maybe'*granted*denied*" },
        { "google", "login-account", "x-1", "*'login-account'*" },
        { "google", "batch-size", "20000", "*from 1 to 10000*" },
        { "linkedin", "segment", "urn:li:dmpSegment:", "*'segment'*urn:li:dmpSegment:<id>*" },
        { "linkedin", "ad-account", "", "*needs the setting 'ad-account'*" },
        { "linkedin", "batch-size", "5001", "*from 1 to 5000*" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_is_named(string type, string name, string value, string message)
    {
        var values = Good(type);
        values[name] = value;

        var create = () => Factory(type).Create(new DestinationSettings(type, values));

        create.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Theory]
    [InlineData("meta")]
    [InlineData("google")]
    [InlineData("linkedin")]
    public void Good_settings_create_a_destination_without_calling_the_platform(string type)
    {
        var destination = Factory(type).Create(new DestinationSettings(type.ToUpperInvariant(), Good(type)));

        destination.Should().NotBeNull();
        Factory(type).Type.Should().Be(type);
    }

    [Fact]
    public void A_factory_refuses_another_type()
    {
        var create = () => Factory("meta").Create(new DestinationSettings("google", Good("google")));

        create.Should().Throw<ArgumentException>().WithMessage("*type 'meta', not 'google'*");
    }

    [Fact]
    public async Task Ids_may_be_written_with_their_prefixes_and_dashes()
    {
        var meta = await Factory("meta").Create(new DestinationSettings("meta", Good("meta"))).DescribeAsync();
        var google = await Factory("google").Create(new DestinationSettings("google", Good("google"))).DescribeAsync();
        var linkedIn = await Factory("linkedin").Create(new DestinationSettings("linkedin", Good("linkedin"))).DescribeAsync();

        meta.ObjectName.Should().Be("custom audience 238500 (act_1234)");
        google.ObjectName.Should().Be("user list 55 (customer 1234567890)");
        linkedIn.ObjectName.Should().Be("DMP segment 104 (urn:li:sponsoredAccount:507)");
    }

    private static IDestinationFactory Factory(string type) => type switch
    {
        "meta" => new MetaAudienceDestinationFactory(Defaults),
        "google" => new GoogleAudienceDestinationFactory(Defaults),
        _ => new LinkedInAudienceDestinationFactory(Defaults),
    };

    private static Dictionary<string, string> Good(string type) => type switch
    {
        "meta" => new() { ["token"] = "t", ["ad-account"] = "act_1234", ["custom-audience-id"] = "238500" },
        "google" => new() { ["token"] = "t", ["operating-account"] = "123-456-7890", ["user-list"] = "55" },
        _ => new() { ["token"] = "t", ["ad-account"] = "urn:li:sponsoredAccount:507", ["segment"] = "urn:li:dmpSegment:104" },
    };
}
