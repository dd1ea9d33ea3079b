using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISignalProvider"/> contract, for any provider: it describes itself, answers every record of a batch
/// exactly once, reports only events at or after the time asked about, newest first, finds the events it should,
/// answers the same batch the same way twice, answers an empty batch with nothing, stops with
/// <see cref="OperationCanceledException"/> when its token is cancelled, and never charges negative credits. A
/// provider's test project derives one class and supplies the provider (over a fake of its service), the records to
/// check and the time to check from.
/// </summary>
/// <remarks>The suite calls the provider directly, not through the SDK's pipeline, in batches of at most its batch size.</remarks>
public abstract class SignalProviderSpecification
{
    /// <summary>Creates the provider under test.</summary>
    protected abstract Task<ISignalProvider> CreateProviderAsync();

    /// <summary>The records to check (at least one; distinct profiles), of the provider's kind.</summary>
    protected abstract IReadOnlyList<Profile> Records { get; }

    /// <summary>The earliest event time asked about; the fixture should hold events on both sides of it.</summary>
    protected abstract DateTimeOffset Since { get; }

    /// <summary>The records that have at least one event at or after <see cref="Since"/>. Default none.</summary>
    protected virtual IReadOnlyList<ProfileId> RecordsWithEvents => [];

    /// <summary>The provider has a name, a batch size of at least one and non-negative credits a record, and watches the fixture's kind.</summary>
    [Fact]
    public virtual async Task Describes_itself()
    {
        var provider = await CreateProviderAsync();

        provider.Name.Should().NotBeNullOrWhiteSpace();
        provider.MaxBatchSize.Should().BePositive();
        provider.CreditsPerRecord.Should().BeGreaterThanOrEqualTo(0);
        Records.Should().NotBeEmpty().And.OnlyContain(r => r.Kind == provider.Kind, "the fixture's records are of the provider's kind");
    }

    /// <summary>Every record of a batch is answered exactly once, and no profile that was not asked about is; none fails.</summary>
    [Fact]
    public virtual async Task Every_record_is_answered_exactly_once()
    {
        var provider = await CreateProviderAsync();

        var results = await DetectAsync(provider, Since);

        results.Select(r => r.Profile).Should().BeEquivalentTo(Records.Select(r => r.Id), "one answer per record, none for others");
        results.Should().OnlyContain(r => r.Error == null, "no record of the fixture should fail");
    }

    /// <summary>Events are at or after the time asked about, newest first, and the records expected to have events have them.</summary>
    [Fact]
    public virtual async Task Reports_events_since_the_time_asked_newest_first()
    {
        var provider = await CreateProviderAsync();

        var results = await DetectAsync(provider, Since);

        foreach (var result in results)
        {
            result.Events.Should().NotContain(e => e.OccurredAt < Since, $"profile {result.Profile} was checked for events since {Since:O}");
            result.Events.Select(e => e.OccurredAt).Should().BeInDescendingOrder($"profile {result.Profile}'s events come newest first");
        }

        results.Where(r => RecordsWithEvents.Contains(r.Profile)).Should().NotContain(r => r.Events.Count == 0, "these records have events");
    }

    /// <summary>The same batch asked twice gets the same answer.</summary>
    [Fact]
    public virtual async Task Answers_the_same_batch_the_same_way_twice()
    {
        var provider = await CreateProviderAsync();

        var first = Comparable(await DetectAsync(provider, Since));
        var second = Comparable(await DetectAsync(provider, Since));

        second.Should().Equal(first);
    }

    /// <summary>An empty batch gets an empty answer.</summary>
    [Fact]
    public virtual async Task Answers_an_empty_batch_with_nothing()
    {
        var provider = await CreateProviderAsync();

        var results = await provider.DetectAsync([], Since);

        results.Should().BeEmpty();
    }

    /// <summary>A call with a cancelled token throws <see cref="OperationCanceledException"/>.</summary>
    [Fact]
    public virtual async Task Honours_cancellation()
    {
        var provider = await CreateProviderAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => provider.DetectAsync([.. Records.Take(provider.MaxBatchSize)], Since, cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    /// <summary>No record costs negative credits.</summary>
    [Fact]
    public virtual async Task Never_charges_negative_credits()
    {
        var provider = await CreateProviderAsync();

        var results = await DetectAsync(provider, Since);

        results.Should().OnlyContain(r => r.Credits >= 0);
    }

    private async Task<List<SignalResult>> DetectAsync(ISignalProvider provider, DateTimeOffset since)
    {
        var results = new List<SignalResult>();
        foreach (var batch in Records.Chunk(Math.Max(1, provider.MaxBatchSize)))
        {
            results.AddRange(await provider.DetectAsync(batch, since));
        }

        return results;
    }

    // Each answer as text, so two answers compare whole: events in their order, with their times and details.
    private static List<string> Comparable(IEnumerable<SignalResult> results) =>
        [.. results.OrderBy(r => r.Profile).Select(r =>
            $"{r.Profile} {r.Credits} {r.Error} " + string.Join(", ", r.Events.Select(e => $"{e.OccurredAt:O} {e.Details}")))];
}
