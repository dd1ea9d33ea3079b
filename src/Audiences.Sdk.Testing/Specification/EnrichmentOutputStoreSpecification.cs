using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="IEnrichmentOutputStore"/> contract: outputs are appended all or none, read back whole (values of
/// every type and credits exactly) in append order per run, also after the run finished and after a restart; a
/// look-up finds each profile's latest found or not-found output of the enrichment, leaving out test runs.
/// </summary>
public abstract class EnrichmentOutputStoreSpecification : StoreSpecification
{
    /// <summary>Every part of each output reads back as appended, in append order across appends, per run, also after a restart.</summary>
    [Fact]
    public virtual async Task Outputs_read_back_whole_in_append_order()
    {
        var store = NewStore();
        var run = await StartAsync(store, "work-emails");
        var other = await StartAsync(store, "work-emails");
        var found = new EnrichmentRunOutput(run, new ProfileId(9), EnrichmentOutcome.Found, "sha256:abc")
        {
            Values = new Dictionary<string, FieldValue>
            {
                ["work_email"] = FieldValue.FromText("ada@example.com"),
                ["employees"] = FieldValue.FromNumber(0.1 + 0.2),
                ["verified"] = FieldValue.FromBoolean(true),
                ["seen_at"] = FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(7)),
                ["titles"] = FieldValue.FromList(["CTO", "Gründerin"]),
                ["nothing"] = FieldValue.Empty,
            },
            Provider = "sample-work-email",
            Credits = 0.001m,
        };
        var notFound = new EnrichmentRunOutput(run, new ProfileId(3), EnrichmentOutcome.NotFound, "sha256:def") { Provider = "backup", Credits = 1234567.89m };
        var failed = new EnrichmentRunOutput(run, new ProfileId(5), EnrichmentOutcome.Failed, "sha256:ghi") { Provider = "backup", Error = "rate limited" };
        var elsewhere = new EnrichmentRunOutput(other, new ProfileId(9), EnrichmentOutcome.NotFound, "sha256:abc");

        await store.EnrichmentOutputs.AppendOutputsAsync([found, elsewhere]);
        await store.EnrichmentOutputs.AppendOutputsAsync([notFound, failed]);
        await store.EnrichmentRuns.FinishRunAsync((await store.EnrichmentRuns.GetRunAsync(run))! with { Status = EnrichmentRunStatus.Completed, FinishedAt = Clock.GetUtcNow() });

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var outputs = await workspace.EnrichmentOutputs.ListOutputsAsync(run).ToListAsync();
            outputs.Should().BeEquivalentTo([found, notFound, failed], o => o.WithStrictOrdering());
            outputs[0].Values.Should().Equal(found.Values);
            outputs[0].Credits.Should().Be(0.001m);
            outputs[1].Credits.Should().Be(1234567.89m);
            (await workspace.EnrichmentOutputs.ListOutputsAsync(other).ToListAsync()).Should().BeEquivalentTo([elsewhere]);
            (await workspace.EnrichmentOutputs.ListOutputsAsync(run + 100).ToListAsync()).Should().BeEmpty();
        }
    }

    /// <summary>A run with more outputs than a store reads at once is listed whole, in append order.</summary>
    [Fact]
    public virtual async Task A_long_run_is_listed_whole()
    {
        var store = NewStore();
        var run = await StartAsync(store, "work-emails");
        var outputs = Enumerable.Range(1, 1203)
            .Select(i => new EnrichmentRunOutput(run, new ProfileId(2000 - i), EnrichmentOutcome.NotFound, $"h{i}"))
            .ToList();
        await store.EnrichmentOutputs.AppendOutputsAsync(outputs[..700]);
        await store.EnrichmentOutputs.AppendOutputsAsync(outputs[700..]);

        (await Reopen(store).EnrichmentOutputs.ListOutputsAsync(run).ToListAsync()).Select(o => o.InputsHash)
            .Should().Equal(outputs.Select(o => o.InputsHash));
    }

    /// <summary>
    /// A look-up finds, for each profile asked, the inputs hash of its latest found or not-found output in a run of
    /// the enrichment (named in any case): failures and test runs do not count as bought, nor do other enrichments'
    /// runs; profiles never looked up are left out.
    /// </summary>
    [Fact]
    public virtual async Task Lookups_find_the_latest_bought_inputs_of_each_profile()
    {
        var store = NewStore();
        var first = await StartAsync(store, "work-emails");
        var test = await StartAsync(store, "work-emails", EnrichmentTrigger.Test);
        var second = await StartAsync(store, "Work-Emails", EnrichmentTrigger.Schedule);
        var other = await StartAsync(store, "company-sizes");
        await store.EnrichmentOutputs.AppendOutputsAsync(
        [
            Output(first, 1, EnrichmentOutcome.Found, "old"),
            Output(first, 2, EnrichmentOutcome.NotFound, "two"),
            Output(first, 3, EnrichmentOutcome.Found, "three"),
            Output(first, 6, EnrichmentOutcome.Failed, "failed"),
            Output(other, 7, EnrichmentOutcome.Found, "other enrichment"),
        ]);
        await store.EnrichmentOutputs.AppendOutputsAsync(
        [
            Output(test, 1, EnrichmentOutcome.Found, "test"),
            Output(test, 4, EnrichmentOutcome.Found, "test only"),
            Output(second, 1, EnrichmentOutcome.NotFound, "new"),
            Output(second, 3, EnrichmentOutcome.Failed, "failed later"),
        ]);

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            var lookups = await workspace.EnrichmentOutputs.FindLookupsAsync("WORK-EMAILS", [.. new long[] { 1, 2, 3, 4, 5, 6, 7 }.Select(id => new ProfileId(id))]);

            lookups.Should().BeEquivalentTo(new Dictionary<ProfileId, string>
            {
                [new ProfileId(1)] = "new",
                [new ProfileId(2)] = "two",
                [new ProfileId(3)] = "three",
            });
            (await workspace.EnrichmentOutputs.FindLookupsAsync("work-emails", [new ProfileId(2)])).Keys.Should().Equal(new ProfileId(2));
            (await workspace.EnrichmentOutputs.FindLookupsAsync("work-emails", [])).Should().BeEmpty();
            (await workspace.EnrichmentOutputs.FindLookupsAsync("missing", [new ProfileId(1)])).Should().BeEmpty();
        }
    }

    /// <summary>A batch with an output of a run never started throws <see cref="KeyNotFoundException"/>, and none of the batch is appended.</summary>
    [Fact]
    public virtual async Task Outputs_of_an_unknown_run_append_nothing()
    {
        var store = NewStore();
        var run = await StartAsync(store, "work-emails");

        await FluentActions.Awaiting(async () => await store.EnrichmentOutputs.AppendOutputsAsync(
                [Output(run, 1, EnrichmentOutcome.Found, "h1"), Output(run + 100, 2, EnrichmentOutcome.Found, "h2")]))
            .Should().ThrowAsync<KeyNotFoundException>();

        (await Reopen(store).EnrichmentOutputs.ListOutputsAsync(run).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>A null batch, a null output and an output without an inputs hash are refused, and none of the batch is appended; an empty batch appends nothing.</summary>
    [Fact]
    public virtual async Task Invalid_outputs_are_refused()
    {
        var store = NewStore();
        var run = await StartAsync(store, "work-emails");
        var good = Output(run, 1, EnrichmentOutcome.Found, "h1");

        await FluentActions.Awaiting(async () => await store.EnrichmentOutputs.AppendOutputsAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentOutputs.AppendOutputsAsync([good, null!])).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentOutputs.AppendOutputsAsync([good, good with { InputsHash = " " }])).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentOutputs.FindLookupsAsync(null!, [])).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.EnrichmentOutputs.FindLookupsAsync("work-emails", null!)).Should().ThrowAsync<ArgumentNullException>();
        await store.EnrichmentOutputs.AppendOutputsAsync([]);

        (await store.EnrichmentOutputs.ListOutputsAsync(run).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>Starts a run of <paramref name="enrichment"/>; its id.</summary>
    protected async Task<long> StartAsync(StoreWorkspace store, string enrichment, EnrichmentTrigger trigger = EnrichmentTrigger.Manual) =>
        (await store.EnrichmentRuns.StartRunAsync(new EnrichmentRun(0, enrichment, trigger, Clock.GetUtcNow()))).Id;

    /// <summary>An output of a run for profile <paramref name="profile"/>.</summary>
    protected static EnrichmentRunOutput Output(long run, long profile, EnrichmentOutcome outcome, string inputsHash) =>
        new(run, new ProfileId(profile), outcome, inputsHash);
}
