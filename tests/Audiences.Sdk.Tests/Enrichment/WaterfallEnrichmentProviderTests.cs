using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Enrichment;

public class WaterfallEnrichmentProviderTests
{
    private static readonly ScriptedEnrichmentProvider ByEmail = new("by-email") { Inputs = ["email"], CreditsPerRecord = 1 };

    private static readonly ScriptedEnrichmentProvider ByDomain = new("by-domain")
    {
        Inputs = ["domain"],
        CreditsPerRecord = 2,
        Outputs = [new("work_email", FieldType.Text), new("phone", FieldType.Text)],
    };

    [Fact]
    public async Task EnrichAsync_RecordsGoDownTheListUntilOneFindsThem()
    {
        var first = new ScriptedEnrichmentProvider("first");
        var second = new ScriptedEnrichmentProvider("second")
        {
            Answer = (records, _, _) => Task.FromResult<IReadOnlyList<EnrichmentResult>>(
                [.. records.Select(r => r.Profile.Value == 2 ? FoundBy("second", r.Profile) : new EnrichmentResult(r.Profile, EnrichmentOutcome.NotFound) { Credits = 1 })]),
        };
        var waterfall = new WaterfallEnrichmentProvider("emails", [first, second]);

        var results = await waterfall.EnrichAsync([Record(1, email: "found@a.com"), Record(2, email: "x@b.com"), Record(3, email: "y@c.com")]);

        first.Calls.Single().Select(r => r.Profile.Value).Should().Equal(1, 2, 3);
        second.Calls.Single().Select(r => r.Profile.Value).Should().Equal(2, 3);
        results.Select(r => (r.Profile.Value, r.Outcome, r.Provider)).Should().Equal(
            (1, EnrichmentOutcome.Found, "first"), (2, EnrichmentOutcome.Found, "second"), (3, EnrichmentOutcome.NotFound, "second"));
        results[1].Values["work_email"].AsText().Should().Be("second@example.com");
    }

    [Fact]
    public async Task EnrichAsync_CreditsAddUpAcrossTheProvidersAsked()
    {
        var waterfall = new WaterfallEnrichmentProvider("emails", [ByEmail, ByDomain]);

        var results = await waterfall.EnrichAsync(
            [Record(1, email: "found@a.com", domain: "a.com"), Record(2, email: "x@b.com", domain: "found.com")]);

        results.Select(r => r.Credits).Should().Equal(1m, 3m);
        waterfall.CreditsPerRecord.Should().Be(3);
    }

    [Fact]
    public async Task EnrichAsync_RecordWithoutAProvidersInputs_SkipsThatProvider()
    {
        var byEmail = new ScriptedEnrichmentProvider("by-email") { Inputs = ["email"] };
        var byDomain = new ScriptedEnrichmentProvider("by-domain") { Inputs = ["domain"] };
        var waterfall = new WaterfallEnrichmentProvider("emails", [byEmail, byDomain]);

        var results = await waterfall.EnrichAsync([Record(1, domain: "found.com"), Record(2, email: "x@b.com")]);

        byEmail.Calls.Single().Select(r => r.Profile.Value).Should().Equal(2);
        byDomain.Calls.Single().Should().ContainSingle().Which.Inputs.Keys.Should().Equal("domain");
        results[0].Should().Match<EnrichmentResult>(r => r.Outcome == EnrichmentOutcome.Found && r.Provider == "by-domain" && r.Credits == 1);
        results[1].Should().Match<EnrichmentResult>(r => r.Outcome == EnrichmentOutcome.NotFound && r.Provider == "by-email");
        waterfall.Inputs.Should().Equal("email", "domain");
    }

    [Fact]
    public async Task EnrichAsync_FailedAtOneProviderAndNotFoundAfter_FailsNamingTheProvider()
    {
        var down = new ScriptedEnrichmentProvider("down") { Answer = (_, _, _) => throw new ProviderUnavailableException("503") };
        var found = new WaterfallEnrichmentProvider("a", [down, new ScriptedEnrichmentProvider("up")]);
        var notFound = new WaterfallEnrichmentProvider("b", [down, new ScriptedEnrichmentProvider("up")]);

        var foundResult = (await found.EnrichAsync([Record(1, email: "found@a.com")])).Single();
        var notFoundResult = (await notFound.EnrichAsync([Record(1, email: "x@a.com")])).Single();

        foundResult.Outcome.Should().Be(EnrichmentOutcome.Found);
        notFoundResult.Outcome.Should().Be(EnrichmentOutcome.Failed);
        notFoundResult.Error.Should().Be("down: 503");
    }

    [Fact]
    public void Create_LaterProviderMissingAnOutput_IsRefusedNamingIt()
    {
        var act = () => new WaterfallEnrichmentProvider("mixed", [ByDomain, ByEmail]);

        act.Should().Throw<ArgumentException>().WithMessage("*'by-email' does not declare the output 'phone'*");
    }

    [Fact]
    public void Create_OutputOfAnotherType_IsRefusedNamingBothTypes()
    {
        var numeric = new ScriptedEnrichmentProvider("numeric") { Outputs = [new("work_email", FieldType.Number)] };

        var act = () => new WaterfallEnrichmentProvider("mixed", [ByEmail, numeric]);

        act.Should().Throw<ArgumentException>().WithMessage("*'work_email' as Text*'numeric' as Number*");
    }

    [Fact]
    public void Create_ProvidersOfDifferentKinds_IsRefused()
    {
        var companies = new ScriptedEnrichmentProvider("companies") { Kind = EntityKind.Company };

        var act = () => new WaterfallEnrichmentProvider("mixed", [ByEmail, companies]);

        act.Should().Throw<ArgumentException>().WithMessage("*mixes kinds*");
    }

    [Fact]
    public void Create_DescribesItselfFromItsProviders()
    {
        var waterfall = new WaterfallEnrichmentProvider("emails", [ByEmail, ByDomain]);

        waterfall.Outputs.Should().Equal(ByEmail.Outputs);
        waterfall.MaxBatchSize.Should().Be(100);
        waterfall.Kind.Should().Be(EntityKind.Person);
    }

    private static EnrichmentResult FoundBy(string provider, ProfileId profile) =>
        new(profile, EnrichmentOutcome.Found)
        {
            Values = new Dictionary<string, FieldValue> { ["work_email"] = FieldValue.FromText($"{provider}@example.com") },
            Credits = 1,
        };

    private static EnrichmentRequest Record(long profile, string? email = null, string? domain = null)
    {
        var inputs = new Dictionary<string, FieldValue>();
        if (email is not null)
        {
            inputs["email"] = FieldValue.FromText(email);
        }

        if (domain is not null)
        {
            inputs["domain"] = FieldValue.FromText(domain);
        }

        return new EnrichmentRequest(new ProfileId(profile), inputs);
    }
}
