using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Samples.Providers.Tests;

public sealed class SampleWorkEmailProviderTests
{
    private readonly SampleWorkEmailProvider _provider = new();

    [Fact]
    public void Declares_its_name_kind_inputs_output_cost_and_batch_size()
    {
        _provider.Name.Should().Be("sample-work-email");
        _provider.Kind.Should().Be(EntityKind.Person);
        _provider.Inputs.Should().Equal("first_name", "last_name", "company_domain");
        _provider.Outputs.Should().Equal(new EnrichmentOutput("work_email", FieldType.Text));
        _provider.CreditsPerRecord.Should().Be(1m);
        _provider.MaxBatchSize.Should().Be(100);
    }

    [Theory]
    [InlineData("Mary-Jane", "O'Neil", "Acme.com", "maryjane.oneil@acme.com")]
    [InlineData("PRIYA", "RAMAN", "brightlane.io", "priya.raman@brightlane.io")]
    [InlineData("Mary Jane", "van der Berg", "acme.com", "maryjane.vanderberg@acme.com")]
    [InlineData("Jean-Luc", "Picard 2nd", "acme.com", "jeanluc.picardnd@acme.com")]
    [InlineData("  Ana  ", " Li ", "acme.com", "ana.li@acme.com")]
    public async Task Keeps_only_the_letters_of_the_name_lower_cased(string first, string last, string domain, string expected) =>
        (await EmailOf(Requests.Person(first, last, domain))).Should().Be(expected);

    [Theory]
    [InlineData("Zoë", "Ångström", "zoë.ångström@acme.com")]
    [InlineData("JOSÉ", "MÜLLER", "josé.müller@acme.com")]
    public async Task Keeps_accented_letters_as_letters_lower_cased_invariantly(string first, string last, string expected) =>
        (await EmailOf(Requests.Person(first, last, "acme.com"))).Should().Be(expected);

    [Fact]
    public async Task Keeps_an_accent_typed_as_a_combining_mark_with_its_letter()
    {
        // "José" with the accent as U+0301 after a plain "e" is the same name as with the precomposed "é".
        var decomposed = "Jose\u0301";

        (await EmailOf(Requests.Person(decomposed, "Li", "acme.com"))).Should().Be("jos\u00e9.li@acme.com");
    }

    [Theory]
    [InlineData("acme.com")]
    [InlineData("ACME.COM")]
    [InlineData("  acme.com  ")]
    [InlineData("www.acme.com")]
    [InlineData("https://www.Acme.com/")]
    [InlineData("http://acme.com/about/team?ref=1")]
    [InlineData("acme.com:443")]
    [InlineData("acme.com.")]
    public async Task Reduces_the_domain_to_the_bare_lower_case_host(string domain) =>
        (await EmailOf(Requests.Person("Ana", "Li", domain))).Should().Be("ana.li@acme.com");

    [Theory]
    [InlineData("---", "Li", "acme.com")]
    [InlineData("Ana", "'", "acme.com")]
    [InlineData("123", "456", "acme.com")]
    [InlineData("Ana", "Li", "https://")]
    public async Task Does_not_find_a_record_it_cannot_build_an_address_for_and_still_charges_for_the_look_up(string first, string last, string domain)
    {
        var result = await Single(Requests.Person(first, last, domain));

        result.Outcome.Should().Be(EnrichmentOutcome.NotFound);
        result.Values.Should().BeEmpty();
        result.Credits.Should().Be(1m);
        result.Error.Should().BeNull();
    }

    [Fact]
    public async Task Charges_one_credit_for_a_record_found()
    {
        var result = await Single(Requests.Person("Ana", "Li", "acme.com"));

        result.Outcome.Should().Be(EnrichmentOutcome.Found);
        result.Credits.Should().Be(1m);
        result.Provider.Should().Be("sample-work-email");
        result.Profile.Should().Be(new ProfileId(1));
    }

    [Theory]
    [InlineData("first_name")]
    [InlineData("last_name")]
    [InlineData("company_domain")]
    public async Task Fails_a_record_missing_an_input_without_charging(string missing)
    {
        var inputs = new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            ["first_name"] = FieldValue.FromText("Ana"),
            ["last_name"] = FieldValue.FromText("Li"),
            ["company_domain"] = FieldValue.FromText("acme.com"),
        };
        inputs.Remove(missing);

        var result = await Single(new EnrichmentRequest(new ProfileId(1), inputs));

        result.Outcome.Should().Be(EnrichmentOutcome.Failed);
        result.Error.Should().Be($"missing input {missing}");
        result.Credits.Should().Be(0m);
        result.Values.Should().BeEmpty();
    }

    [Fact]
    public async Task Answers_every_record_of_a_batch_once()
    {
        var records = new[]
        {
            Requests.Person("Ana", "Li", "acme.com", profile: 1),
            Requests.Person("---", "Li", "acme.com", profile: 2),
            Requests.For(3, ("first_name", "Ana")),
        };

        var results = await _provider.EnrichAsync(records);

        results.Select(r => (r.Profile.Value, r.Outcome)).Should().BeEquivalentTo(
            [(1L, EnrichmentOutcome.Found), (2L, EnrichmentOutcome.NotFound), (3L, EnrichmentOutcome.Failed)]);
        results.Sum(r => r.Credits).Should().Be(2m);
    }

    private async Task<string> EmailOf(EnrichmentRequest request)
    {
        var result = await Single(request);
        result.Outcome.Should().Be(EnrichmentOutcome.Found);
        return result.Values["work_email"].AsText();
    }

    private async Task<EnrichmentResult> Single(EnrichmentRequest request) =>
        (await _provider.EnrichAsync([request])).Should().ContainSingle().Subject;
}
