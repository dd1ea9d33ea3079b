using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;
using static Audiences.Samples.Providers.Tests.People;

namespace Audiences.Samples.Providers.Tests;

public sealed class SampleJobChangeSignalProviderTests
{
    private static readonly DateTimeOffset LongAgo = Day1.AddYears(-1);
    private readonly SampleJobChangeSignalProvider _provider = new();

    [Fact]
    public void Declares_its_name_type_kind_cost_and_batch_size()
    {
        _provider.Name.Should().Be("sample-job-change");
        _provider.Type.Should().Be(SignalType.JobChange);
        _provider.Kind.Should().Be(EntityKind.Person);
        _provider.CreditsPerRecord.Should().Be(1m);
        _provider.MaxBatchSize.Should().Be(100);
    }

    [Fact]
    public async Task Fires_on_a_new_title_dated_when_the_newer_record_was_observed()
    {
        var person = With(Record("a", Day1, "Engineer", "acme.com"), Record("b", Day2, "CTO", "acme.com"));

        var result = await Single(person, LongAgo);

        result.Events.Should().Equal(new SignalEvent(Day2, "title: Engineer → CTO"));
        result.Credits.Should().Be(1m);
        result.Error.Should().BeNull();
    }

    [Fact]
    public async Task Fires_on_a_new_company_domain()
    {
        var person = With(Record("a", Day1, "CTO", "acme.com"), Record("b", Day2, "CTO", "https://www.globex.com/"));

        (await Single(person, LongAgo)).Events.Should().Equal(new SignalEvent(Day2, "company_domain: acme.com → globex.com"));
    }

    [Fact]
    public async Task Names_both_fields_in_one_event_when_both_changed()
    {
        var person = With(Record("a", Day1, "Engineer", "acme.com"), Record("b", Day2, "CTO", "globex.com"));

        (await Single(person, LongAgo)).Events.Should().Equal(
            new SignalEvent(Day2, "title: Engineer → CTO; company_domain: acme.com → globex.com"));
    }

    [Fact]
    public async Task Reads_old_to_new_by_observation_time_even_when_the_records_come_newest_first()
    {
        var person = With(Record("b", Day2, "CTO", "acme.com"), Record("a", Day1, "Engineer", "acme.com"));

        (await Single(person, LongAgo)).Events.Should().Equal(new SignalEvent(Day2, "title: Engineer → CTO"));
    }

    [Fact]
    public async Task Lists_several_changes_newest_first()
    {
        var person = With(
            Record("a", Day1, "Engineer", "acme.com"),
            Record("b", Day2, "Lead Engineer", "acme.com"),
            Record("c", Day3, "Lead Engineer", "globex.com"));

        (await Single(person, LongAgo)).Events.Should().Equal(
            new SignalEvent(Day3, "company_domain: acme.com → globex.com"),
            new SignalEvent(Day2, "title: Engineer → Lead Engineer"));
    }

    [Fact]
    public async Task Reports_only_changes_at_or_after_the_time_asked_about()
    {
        var person = With(
            Record("a", Day1, "Engineer", "acme.com"),
            Record("b", Day2, "Lead Engineer", "acme.com"),
            Record("c", Day3, "CTO", "acme.com"));

        (await Single(person, Day3)).Events.Should().Equal(new SignalEvent(Day3, "title: Lead Engineer → CTO"));
        (await Single(person, Day3.AddTicks(1))).Events.Should().BeEmpty();
    }

    [Fact]
    public async Task Still_charges_for_a_person_checked_whose_changes_are_all_before_the_time_asked_about()
    {
        var person = With(Record("a", Day1, "Engineer", "acme.com"), Record("b", Day2, "CTO", "acme.com"));

        var result = await Single(person, Day3);

        result.Events.Should().BeEmpty();
        result.Credits.Should().Be(1m);
    }

    [Fact]
    public async Task Never_fires_for_a_person_with_a_single_source_record()
    {
        var result = await Single(With(Record("a", Day1, "CTO", "acme.com")), LongAgo);

        result.Events.Should().BeEmpty();
        result.Credits.Should().Be(1m);
    }

    [Fact]
    public async Task Does_not_fire_when_the_records_agree_written_differently()
    {
        var person = With(Record("a", Day1, "VP Sales", "acme.com"), Record("b", Day2, " vp sales ", "https://www.ACME.com/"));

        (await Single(person, LongAgo)).Events.Should().BeEmpty();
    }

    [Fact]
    public async Task Does_not_read_a_record_without_the_field_as_a_change()
    {
        // The webinar record has no title: it neither fires nor hides the change the third record shows.
        var person = With(Record("a", Day1, "Engineer", null), Record("b", Day2, null, "acme.com"), Record("c", Day3, "CTO", "acme.com"));

        (await Single(person, LongAgo)).Events.Should().Equal(new SignalEvent(Day3, "title: Engineer → CTO"));
    }

    [Fact]
    public async Task Fails_a_company_without_charging()
    {
        var result = await Single(Company(9), LongAgo);

        result.Error.Should().Contain("not a person");
        result.Events.Should().BeEmpty();
        result.Credits.Should().Be(0m);
    }

    [Fact]
    public async Task Answers_every_record_of_a_batch_once()
    {
        var changed = With(1, Record("a", Day1, "Engineer", "acme.com"), Record("b", Day2, "CTO", "acme.com"));
        var steady = With(2, Record("c", Day1, "CTO", "acme.com"));

        var results = await _provider.DetectAsync([changed, steady], LongAgo);

        results.Select(r => (r.Profile.Value, r.Events.Count)).Should().BeEquivalentTo([(1L, 1), (2L, 0)]);
        results.Sum(r => r.Credits).Should().Be(2m);
    }

    private async Task<SignalResult> Single(Profile profile, DateTimeOffset since) =>
        (await _provider.DetectAsync([profile], since)).Should().ContainSingle().Subject;
}
