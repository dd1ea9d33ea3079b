using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Specification;
using Xunit.Sdk;
using Flaws = Audiences.Sdk.Testing.Tests.Specification.ListEnrichmentProvider.Flaws;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>The enrichment provider suite passes a provider that keeps the contract, and fails one that breaks it.</summary>
public class BrokenEnrichmentProviderTests
{
    [Fact]
    public async Task EnrichmentProviderSpecification_ConformingProvider_Passes()
    {
        var suite = new ListSuite(Flaws.None);

        await suite.Describes_itself();
        await suite.Every_record_is_answered_exactly_once();
        await suite.Finds_the_records_it_should_and_not_the_others();
        await suite.Returns_only_declared_outputs_of_their_declared_types();
        await suite.Answers_the_same_batch_the_same_way_twice();
        await suite.Answers_an_empty_batch_with_nothing();
        await suite.Honours_cancellation();
        await suite.Never_charges_negative_credits();
    }

    [Theory]
    [InlineData(Flaws.DropsTheLastRecord)]
    [InlineData(Flaws.AnswersTwice)]
    public async Task EnrichmentProviderSpecification_ProviderNotAnsweringEachRecordOnce_Fails(Flaws flaw)
    {
        var act = () => new ListSuite(flaw).Every_record_is_answered_exactly_once();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Theory]
    [InlineData(Flaws.UndeclaredOutput, "*'phone'*")]
    [InlineData(Flaws.WrongType, "*work_email*Text*")]
    public async Task EnrichmentProviderSpecification_ProviderReturningOtherOutputs_Fails(Flaws flaw, string message)
    {
        var act = () => new ListSuite(flaw).Returns_only_declared_outputs_of_their_declared_types();

        await act.Should().ThrowAsync<XunitException>().WithMessage(message);
    }

    [Fact]
    public async Task EnrichmentProviderSpecification_ProviderAnsweringDifferentlyEachTime_Fails()
    {
        var act = () => new ListSuite(Flaws.Varies).Answers_the_same_batch_the_same_way_twice();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task EnrichmentProviderSpecification_ProviderIgnoringCancellation_Fails()
    {
        var act = () => new ListSuite(Flaws.IgnoresCancellation).Honours_cancellation();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task EnrichmentProviderSpecification_ProviderChargingNegativeCredits_Fails()
    {
        var act = () => new ListSuite(Flaws.NegativeCredits).Never_charges_negative_credits();

        await act.Should().ThrowAsync<XunitException>();
    }

    // Not public: xunit must not run the suite on its own; the tests above drive it.
    private sealed class ListSuite(Flaws flaw) : EnrichmentProviderSpecification
    {
        protected override IReadOnlyList<EnrichmentRequest> RecordsToFind { get; } = [Request(1, "ada@home.net"), Request(2, "bob@home.net"), Request(3, "cy@home.net")];

        protected override IReadOnlyList<EnrichmentRequest> RecordsNotToFind { get; } = [Request(4, "nobody@home.net")];

        protected override Task<IEnrichmentProvider> CreateProviderAsync() =>
            Task.FromResult<IEnrichmentProvider>(new ListEnrichmentProvider(new Dictionary<string, string>
            {
                ["ada@home.net"] = "ada@work.com",
                ["bob@home.net"] = "bob@work.com",
                ["cy@home.net"] = "cy@work.com",
            })
            { Flaw = flaw });

        private static EnrichmentRequest Request(long profile, string email) =>
            new(new ProfileId(profile), new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText(email) });
    }
}
