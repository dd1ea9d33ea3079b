using Audiences.Sdk.Enrichment;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Scheduling;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Tests.Enrichment.Runs;

/// <summary>Enrichments on a fake clock: continuous ones enrich records entering their audiences within 15 minutes; scheduled ones run at their slots.</summary>
public sealed class EnrichmentScheduleTests : IDisposable
{
    private readonly EnrichmentFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task AContinuousEnrichment_EnrichesARecordEnteringItsAudience_Within15Minutes_BuyingOnlyForIt()
    {
        var everyone = await _fx.PeopleAsync("Ada", "Grace");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Continuous = true });
        var scheduler = _fx.Workspace.Services.GetRequiredService<EnrichmentScheduler>();

        var first = await scheduler.RunDueAsync();
        await _fx.Profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("crm", "contacts", "new"), EntityKind.Person, SourceKind.Crm, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText("alan@home.example"),
                ["first_name"] = FieldValue.FromText("Alan"),
                ["company_domain"] = FieldValue.FromText("acme.com"),
            })],
            new ImportOptions(EntityKind.Person));
        await _fx.Audiences.RefreshMembershipAsync();
        _fx.Clock.Advance(TimeSpan.FromMinutes(14));
        var early = await scheduler.RunDueAsync();
        _fx.Clock.Advance(TimeSpan.FromMinutes(1));
        var next = await scheduler.RunDueAsync();

        first.Should().ContainSingle().Which.Should().Match<EnrichmentRun>(r => r.Trigger == EnrichmentTrigger.Continuous && r.Processed == 2);
        early.Should().BeEmpty();
        next.Should().ContainSingle().Which.Should().Match<EnrichmentRun>(r => r.Processed == 1 && r.Skipped == 2 && r.Credits == 1);
        (await _fx.PersonAsync("Alan"))["work_email"].Should().Be(FieldValue.FromText("alan@acme.com"));
    }

    [Fact]
    public async Task AScheduledEnrichment_RunsAtEachSlot_OnceAfterDowntime_AndAnEnrichmentByHandOnlyIsNeverDue()
    {
        var everyone = await _fx.PeopleAsync("Ada");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Schedule = EnrichmentSchedule.Daily });
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Name = "by-hand" });

        var first = await _fx.Enrichments.RunDueAsync().ToListAsync();
        var nextDue = await _fx.Enrichments.GetNextDueAsync();
        _fx.Clock.Advance(TimeSpan.FromDays(5));
        var afterDowntime = await _fx.Enrichments.RunDueAsync().ToListAsync();

        first.Should().ContainSingle().Which.Should().Match<EnrichmentRun>(r => r.Enrichment == "emails" && r.Trigger == EnrichmentTrigger.Schedule);
        nextDue.Should().Be(first[0].StartedAt.AddDays(1));
        afterDowntime.Should().ContainSingle("missed slots make it due once");
        (await _fx.Enrichments.ListRunsAsync("by-hand")).Should().BeEmpty();
    }

    [Fact]
    public async Task OnTheSchedule_ARunThatFailsOutright_IsHandedOutAsFailed_AndTheEnrichmentsDueAfterItStillRun()
    {
        var everyone = await _fx.PeopleAsync("Ada");
        var doomed = await _fx.Audiences.CreateAsync(new AudienceDefinition("Doomed", EntityKind.Person, "ana"), "first_name is not empty");
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(doomed.Id) with { Name = "a-doomed", Schedule = EnrichmentSchedule.Daily });
        await _fx.Enrichments.SaveAsync(EnrichmentFixture.Emails(everyone) with { Name = "b-fine", Schedule = EnrichmentSchedule.Daily });
        await _fx.Audiences.DeleteAsync(doomed.Id);

        var runs = await _fx.Enrichments.RunDueAsync().ToListAsync();

        runs.Select(r => (r.Enrichment, r.Status)).Should().Equal(("a-doomed", EnrichmentRunStatus.Failed), ("b-fine", EnrichmentRunStatus.Completed));
        runs[0].Failure.Should().NotBeNullOrEmpty();
        (await _fx.Enrichments.ListRunsAsync("a-doomed")).Single().Should().BeEquivalentTo(runs[0], "the failed run handed out is the one recorded");
    }
}
