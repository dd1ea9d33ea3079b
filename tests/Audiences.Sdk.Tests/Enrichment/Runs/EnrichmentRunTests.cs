using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Sdk.Tests.Enrichment.Runs;

/// <summary>Enrichment runs: write-back with provenance, no re-buying, budgets, test runs, failures, gates, actions, waterfalls.</summary>
public sealed class EnrichmentRunTests : IDisposable
{
    private readonly EnrichmentFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task RunAsync_WritesWhatItFindsToTheProfiles_WithProvenance_VisibleToEveryAudience()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone));

        var run = await _fx.Enrichments.RunAsync("emails");

        run.Should().Match<EnrichmentRun>(r => r.Status == EnrichmentRunStatus.Completed && r.Processed == 3 && r.Written == 3 && r.Credits == 3 && r.Failed == 0);
        var ada = await _fx.PersonAsync("Ada");
        ada["work_email"].Should().Be(FieldValue.FromText("ada@acme.com"));
        ada.Values["work_email"].SourceKind.Should().Be(SourceKind.Enrichment);
        ada.Values["work_email"].Source.Should().Be(new SourceRecordKey("enrichment", "emails", ada.Id.ToString()));
        (await _fx.Profiles.CountAsync(EntityKind.Person)).Should().Be(3, "the answers join their profiles, never create new ones");
        var withEmail = await _fx.Audiences.CreateAsync(new AudienceDefinition("Reachable", EntityKind.Person, "bo") { Status = AudienceStatus.Active }, "work_email is not empty");
        await _fx.Audiences.RefreshMembershipAsync();
        (await _fx.Audiences.CountAsync(withEmail.Id)).Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_AgainWithTheSameInputs_BuysNothing_UnlessForced()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone));
        await _fx.Enrichments.RunAsync("emails");

        var again = await _fx.Enrichments.RunAsync("emails");
        var forced = await _fx.Enrichments.RunAsync("emails", force: true);

        again.Should().Match<EnrichmentRun>(r => r.Processed == 0 && r.Skipped == 2 && r.Credits == 0);
        forced.Should().Match<EnrichmentRun>(r => r.Processed == 2 && r.Credits == 2);
        _fx.Finder.Asked.Should().HaveCount(4);
    }

    [Fact]
    public async Task RunAsync_ReachingTheCap_StopsCleanly_AndRaisingItContinuesWithoutRebuying()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan", "Edsger", "Barbara");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone));
        await _fx.Enrichments.SetBudgetAsync("emails", 3);

        var capped = await _fx.Enrichments.RunAsync("emails");
        await _fx.Enrichments.SetBudgetAsync("emails", 10);
        var continued = await _fx.Enrichments.RunAsync("emails");

        capped.Should().Match<EnrichmentRun>(r => r.Status == EnrichmentRunStatus.BudgetReached && r.Processed == 3 && r.Credits == 3);
        continued.Should().Match<EnrichmentRun>(r => r.Status == EnrichmentRunStatus.Completed && r.Processed == 2 && r.Skipped == 3 && r.Credits == 2);
        (await _fx.Enrichments.GetBudgetAsync("emails")).Should().Match<Audiences.Sdk.Credits.CreditBudget>(b => b.Spent == 5 && b.Reserved == 0 && b.Cap == 10);
    }

    [Fact]
    public async Task TestAsync_PaysForAFewRecords_ShowsTheirAnswers_AndWritesNothing()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone));

        var test = await _fx.Enrichments.TestAsync("emails", rows: 2);
        var outputs = await _fx.Enrichments.ListOutputsAsync(test.Id).ToListAsync();
        var untouched = await _fx.PersonAsync("Ada");
        var real = await _fx.Enrichments.RunAsync("emails");

        test.Should().Match<EnrichmentRun>(r => r.Trigger == EnrichmentTrigger.Test && r.Processed == 2 && r.Written == 0 && r.Credits == 2);
        outputs.Should().HaveCount(2).And.OnlyContain(o => o.Outcome == EnrichmentOutcome.Found && o.Values["work_email"].AsText().EndsWith("@acme.com", StringComparison.Ordinal));
        untouched["work_email"].IsEmpty.Should().BeTrue("a test run writes nothing");
        real.Processed.Should().Be(3, "a test run's answers do not count as bought");
    }

    [Fact]
    public async Task RunAsync_AProviderFailingForSomeRecords_FailsOnlyThose_WithTheReason()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan");
        _fx.Finder.Broken.Add("Grace");
        _fx.Finder.Unknown.Add("Alan");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone));

        var run = await _fx.Enrichments.RunAsync("emails");

        run.Should().Match<EnrichmentRun>(r => r.Status == EnrichmentRunStatus.Completed && r.Processed == 3 && r.Written == 1 && r.Failed == 1);
        var grace = await _fx.PersonAsync("Grace");
        run.Errors.Should().ContainSingle().Which.Should().Match<EnrichmentError>(e => e.Profile == grace.Id && e.Message.Contains("choked on Grace"));
        (await _fx.PersonAsync("Ada"))["work_email"].IsEmpty.Should().BeFalse();
    }

    [Fact]
    public async Task RunAsync_ALockedField_IsNeverOverwritten()
    {
        var everyone = await _fx.PeopleAsync("Ada");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone));
        await _fx.Enrichments.RunAsync("emails");
        var ada = await _fx.PersonAsync("Ada");
        await _fx.Profiles.LockFieldAsync(ada.Id, "work_email", FieldValue.FromText("ada@analytical.io"));

        var again = await _fx.Enrichments.RunAsync("emails", force: true);

        again.Processed.Should().Be(1);

        (await _fx.PersonAsync("Ada"))["work_email"].Should().Be(FieldValue.FromText("ada@analytical.io"));
    }

    [Fact]
    public async Task RunAsync_RecordsMissingTheGate_AreCountedAsGated_AndStayInTheAudience()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace", "Alan");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Gate = "work_email starts with \"a\"" });

        var run = await _fx.Enrichments.RunAsync("emails");

        run.Gated.Should().Be(1, "grace@acme.com does not start with 'a'");
        (await _fx.Audiences.CountAsync(everyone)).Should().Be(3);
    }

    [Fact]
    public async Task RunAsync_AWaterfall_AsksTheNextProviderOnlyForWhatTheFirstDidNotFind()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace");
        _fx.Finder.Unknown.Add("Grace");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone, "finder", "backup"));

        var run = await _fx.Enrichments.RunAsync("emails");
        var outputs = await _fx.Enrichments.ListOutputsAsync(run.Id).ToListAsync();

        run.Should().Match<EnrichmentRun>(r => r.Written == 2 && r.Credits == 3);
        _fx.Backup.Asked.Should().Equal((await _fx.PersonAsync("Grace")).Id);
        outputs.Select(o => o.Provider).Should().BeEquivalentTo("finder", "backup");
    }

    [Fact]
    public async Task RunAsync_AnActionOnlyEnrichment_HandsWhatItFoundToTheAction_AndWritesNothing()
    {
        var action = new RecordingAction();
        using var fx = new EnrichmentFixture(b => b.AddRecordAction(action));
        var everyone = await fx.PeopleAsync("Ada", "Grace");
        await fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Mappings = [], Action = "enrol" });

        var run = await fx.Enrichments.RunAsync("emails");

        run.Written.Should().Be(0);
        action.Received.Select(r => r.Found["work_email"].AsText()).Should().BeEquivalentTo("ada@acme.com", "grace@acme.com");
        (await fx.PersonAsync("Ada"))["work_email"].IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData("nobody", null, "*'nobody'*")]
    [InlineData("finder", "enrol", "*action 'enrol'*not registered*AddRecordAction*")]
    public async Task SaveAsync_AnUnknownProviderOrAction_IsRefused(string provider, string? action, string message)
    {
        var everyone = await _fx.PeopleAsync("Ada");

        var save = () => _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone, provider) with { Action = action });

        await save.Should().ThrowAsync<ArgumentException>().WithMessage(message);
        (await _fx.Enrichments.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_AnOutputTheProviderDoesNotGive_OrAMissingAudience_IsRefused()
    {
        var everyone = await _fx.PeopleAsync("Ada");

        var badOutput = () => _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Mappings = [new EnrichmentMapping("phone", "phone")] });
        var noAudience = () => _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(999));

        await badOutput.Should().ThrowAsync<ArgumentException>().WithMessage("*output 'phone'*gives 'work_email'*");
        await noAudience.Should().ThrowAsync<ArgumentException>().WithMessage("*audience 999*does not exist*");
    }

    [Fact]
    public async Task SaveAsync_ABadSchedule_IsRefusedNamingIt()
    {
        var everyone = await _fx.PeopleAsync("Ada");

        var badCron = () => _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Schedule = new EnrichmentSchedule(Cron: "every day") });
        var both = () => _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Schedule = new EnrichmentSchedule(TimeSpan.FromDays(1), "0 0 * * *") });

        await badCron.Should().ThrowAsync<ArgumentException>().WithMessage("*cron expression 'every day'*");
        await both.Should().ThrowAsync<ArgumentException>().WithMessage("*both an interval and a cron expression*");
    }

    private sealed class RecordingAction : IRecordAction
    {
        public string Name => "enrol";

        public List<RecordActionItem> Received { get; } = [];

        public Task ExecuteAsync(IReadOnlyList<RecordActionItem> records, CancellationToken cancellationToken = default)
        {
            Received.AddRange(records);
            return Task.CompletedTask;
        }
    }
}
