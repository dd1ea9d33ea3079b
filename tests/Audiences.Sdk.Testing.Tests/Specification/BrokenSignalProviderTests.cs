using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using Audiences.Sdk.Testing.Specification;
using Xunit.Sdk;
using Flaws = Audiences.Sdk.Testing.Tests.Specification.ListSignalProvider.Flaws;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>The signal provider suite passes a provider that keeps the contract, and fails one that breaks it.</summary>
public class BrokenSignalProviderTests
{
    private static readonly DateTimeOffset Since = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SignalProviderSpecification_ConformingProvider_Passes()
    {
        var suite = new ListSuite(Flaws.None);

        await suite.Describes_itself();
        await suite.Every_record_is_answered_exactly_once();
        await suite.Reports_events_since_the_time_asked_newest_first();
        await suite.Answers_the_same_batch_the_same_way_twice();
        await suite.Answers_an_empty_batch_with_nothing();
        await suite.Honours_cancellation();
        await suite.Never_charges_negative_credits();
    }

    [Theory]
    [InlineData(Flaws.ReportsEventsBeforeSince)]
    [InlineData(Flaws.OldestFirst)]
    public async Task SignalProviderSpecification_ProviderReportingWrongEvents_Fails(Flaws flaw)
    {
        var act = () => new ListSuite(flaw).Reports_events_since_the_time_asked_newest_first();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task SignalProviderSpecification_ProviderDroppingARecord_Fails()
    {
        var act = () => new ListSuite(Flaws.DropsTheLastRecord).Every_record_is_answered_exactly_once();

        await act.Should().ThrowAsync<XunitException>();
    }

    [Fact]
    public async Task SignalProviderSpecification_ProviderIgnoringCancellation_Fails()
    {
        var act = () => new ListSuite(Flaws.IgnoresCancellation).Honours_cancellation();

        await act.Should().ThrowAsync<XunitException>();
    }

    // Not public: xunit must not run the suite on its own; the tests above drive it.
    private sealed class ListSuite(Flaws flaw) : SignalProviderSpecification
    {
        protected override IReadOnlyList<Profile> Records { get; } = [Person(1), Person(2), Person(3)];

        protected override DateTimeOffset Since => BrokenSignalProviderTests.Since;

        protected override IReadOnlyList<ProfileId> RecordsWithEvents => [new(1)];

        protected override Task<ISignalProvider> CreateProviderAsync() =>
            Task.FromResult<ISignalProvider>(new ListSignalProvider(new Dictionary<ProfileId, IReadOnlyList<SignalEvent>>
            {
                [new(1)] = [new(Since.AddDays(-10), "title: Intern → Engineer"), new(Since.AddDays(3), "title: Engineer → Lead"), new(Since.AddDays(9), "title: Lead → CTO")],
                [new(2)] = [new(Since.AddDays(-40), "company: Acme → Globex")],
            })
            { Flaw = flaw });

        private static Profile Person(long id) =>
            new(new ProfileId(id), EntityKind.Person, 1, DateTimeOffset.UnixEpoch, new Dictionary<string, ProfileValue>(), [], []);
    }
}
