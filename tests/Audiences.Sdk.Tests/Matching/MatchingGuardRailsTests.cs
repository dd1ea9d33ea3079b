using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Matching;

public class MatchingGuardRailsTests
{
    [Theory]
    [InlineData("info@acme.com", "role mailbox (info@)")]
    [InlineData(" Sales@Acme.com ", "role mailbox (sales@)")]
    [InlineData("support+eu@acme.com", "role mailbox (support@)")]
    [InlineData("no-reply@acme.com", "role mailbox (no-reply@)")]
    [InlineData("postmaster@acme.com", "role mailbox (postmaster@)")]
    [InlineData("test@test.com", "placeholder")]
    [InlineData("N/A", "placeholder")]
    [InlineData("null", "placeholder")]
    public void Email_RoleMailboxesAndPlaceholders_AreNotAliases(string raw, string reason)
    {
        var result = AliasNormalizer.Default.Normalize(AliasFields.Email, raw);

        result.IsValid.Should().BeFalse();
        result.Problem.Should().Contain(reason);
    }

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("https://www.Outlook.com/")]
    [InlineData("yahoo.co.uk")]
    public void Domain_FreeMail_NeverIdentifiesACompany(string raw) =>
        AliasNormalizer.Default.Normalize(AliasFields.Domain, raw).Problem.Should().Contain("free-mail");

    [Theory]
    [InlineData("ada@gmail.com")]
    [InlineData("information@acme.com")]
    [InlineData("sales.lead@acme.com")]
    public void Email_PersonalAddresses_StayAliases(string raw) =>
        AliasNormalizer.Default.Normalize(AliasFields.Email, raw).IsValid.Should().BeTrue();

    [Fact]
    public void Disabled_GuardRails_LetEveryNormalizableValueMatch()
    {
        var normalizer = new AliasNormalizer(new MatchingGuardRails { Enabled = false });

        normalizer.Normalize(AliasFields.Email, "info@acme.com").Value.Should().Be("info@acme.com");
        normalizer.Normalize(AliasFields.Domain, "gmail.com").Value.Should().Be("gmail.com");
    }

    [Fact]
    public void Lists_CanBeChanged()
    {
        var rails = new MatchingGuardRails();
        rails.RoleMailboxes.Remove("hello");
        rails.RoleMailboxes.Add("founders");
        rails.FreeMailDomains.Add("corp-mail.example");
        var normalizer = new AliasNormalizer(rails);

        normalizer.Normalize(AliasFields.Email, "hello@acme.com").IsValid.Should().BeTrue();
        normalizer.Normalize(AliasFields.Email, "founders@acme.com").IsValid.Should().BeFalse();
        normalizer.Normalize(AliasFields.Domain, "corp-mail.example").IsValid.Should().BeFalse();
    }

    [Fact]
    public void Normalizer_CopiesTheListsWhenCreated()
    {
        var rails = new MatchingGuardRails();
        var normalizer = new AliasNormalizer(rails);

        rails.RoleMailboxes.Add("ada");

        normalizer.Normalize(AliasFields.Email, "ada@acme.com").IsValid.Should().BeTrue();
    }
}
