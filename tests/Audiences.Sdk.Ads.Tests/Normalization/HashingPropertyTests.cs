using Audiences.Sdk.Ads.Google;
using Audiences.Sdk.Ads.LinkedIn;
using Audiences.Sdk.Ads.Meta;
using CsCheck;

namespace Audiences.Sdk.Ads.Tests.Normalization;

/// <summary>Properties every platform's rules keep, over generated text.</summary>
public sealed class HashingPropertyTests
{
    private static readonly string[] Domains = ["gmail.com", "GoogleMail.com", "example.com", "Example.org"];

    private static readonly Gen<string> Emails =
        Gen.Select(Gen.String[Gen.Char["abcXYZ.+_ "], 1, 12], Gen.Int[0, Domains.Length - 1], (local, domain) => $" {local}@{Domains[domain]} ");

    [Fact]
    public void Every_digest_is_64_lowercase_hex_characters_and_matches_sha256() =>
        Gen.String.Sample(text =>
        {
            var digest = AdHashing.Sha256Hex(text);
            AdHashing.IsSha256Hex(digest).Should().BeTrue();
            digest.Should().Be(Sha.Hex(text));
        });

    [Fact]
    public void Normalizing_an_email_twice_changes_nothing() =>
        Emails.Sample(email =>
        {
            foreach (var normalize in new Func<string, string?>[] { MetaNormalizer.Email, GoogleNormalizer.Email, LinkedInNormalizer.Email })
            {
                if (normalize(email) is { } once)
                {
                    normalize(once).Should().Be(once);
                    once.Should().Be(once.Trim().ToLowerInvariant());
                }
            }
        });

    [Fact]
    public void Google_gmail_addresses_keep_no_dot_or_plus_in_the_local_part() =>
        Emails.Sample(email =>
        {
            if (GoogleNormalizer.Email(email) is { } normalized && normalized.EndsWith("mail.com", StringComparison.Ordinal))
            {
                normalized[..normalized.IndexOf('@', StringComparison.Ordinal)].Should().NotContainAny(".", "+", " ");
            }
        });

    [Fact]
    public void Meta_names_are_letters_only() =>
        Gen.String.Sample(name =>
        {
            if (MetaNormalizer.Name(name) is { } normalized)
            {
                normalized.Should().Match(n => n.All(char.IsLetter));
                MetaNormalizer.Name(normalized).Should().Be(normalized);
            }
        });
}
