using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Samples.Providers.Tests;

public sealed class SampleCompanyProviderTests
{
    private readonly SampleCompanyProvider _provider = new();

    [Fact]
    public void Declares_its_name_kind_input_outputs_cost_and_batch_size()
    {
        _provider.Name.Should().Be("sample-company");
        _provider.Kind.Should().Be(EntityKind.Company);
        _provider.Inputs.Should().Equal("domain");
        _provider.Outputs.Should().Equal(new EnrichmentOutput("employees", FieldType.Number), new EnrichmentOutput("industry", FieldType.Text));
        _provider.CreditsPerRecord.Should().Be(2m);
        _provider.MaxBatchSize.Should().Be(100);
    }

    [Theory]
    [InlineData("brightlane.io", 240, "Software")]
    [InlineData("kestrelbio.com", 410, "Biotechnology")]
    [InlineData("verdantgrid.com", 950, "Energy")]
    public async Task Finds_a_company_in_the_bundled_table(string domain, int employees, string industry)
    {
        var result = await Single(Requests.Company(domain));

        result.Outcome.Should().Be(EnrichmentOutcome.Found);
        result.Values["employees"].AsNumber().Should().Be(employees);
        result.Values["industry"].AsText().Should().Be(industry);
        result.Credits.Should().Be(2m);
        result.Provider.Should().Be("sample-company");
    }

    [Theory]
    [InlineData("https://www.brightlane.io/")]
    [InlineData("BRIGHTLANE.IO")]
    [InlineData("www.brightlane.io")]
    [InlineData("http://brightlane.io/careers?team=eng")]
    public async Task Finds_a_company_by_its_website_written_any_way(string domain) =>
        (await Single(Requests.Company(domain))).Values["employees"].AsNumber().Should().Be(240);

    [Theory]
    [InlineData("harborpoint.co")]
    [InlineData("copperleaf.ai")]
    [InlineData("nowhere.example")]
    [InlineData("brightlane.com")]
    public async Task Does_not_find_a_domain_outside_the_table_and_still_charges_for_the_look_up(string domain)
    {
        var result = await Single(Requests.Company(domain));

        result.Outcome.Should().Be(EnrichmentOutcome.NotFound);
        result.Values.Should().BeEmpty();
        result.Credits.Should().Be(2m);
    }

    [Fact]
    public async Task Fails_a_record_missing_its_domain_without_charging()
    {
        var result = await Single(Requests.For(7, ("website", "brightlane.io")));

        result.Outcome.Should().Be(EnrichmentOutcome.Failed);
        result.Error.Should().Be("missing input domain");
        result.Credits.Should().Be(0m);
        result.Profile.Should().Be(new ProfileId(7));
    }

    [Fact]
    public async Task Answers_from_a_table_of_the_hosts_own()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(path, ["domain,company_name,employees,industry", "own.example,Own,7,Bakery"]);
            var provider = new SampleCompanyProvider(CompanyReferenceTable.Load(path));

            var results = await provider.EnrichAsync([Requests.Company("own.example", 1), Requests.Company("brightlane.io", 2)]);

            results.Single(r => r.Profile.Value == 1).Values["industry"].AsText().Should().Be("Bakery");
            results.Single(r => r.Profile.Value == 2).Outcome.Should().Be(EnrichmentOutcome.NotFound);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<EnrichmentResult> Single(EnrichmentRequest request) =>
        (await _provider.EnrichAsync([request])).Should().ContainSingle().Subject;
}
