using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Tests.Sync;

public sealed class SyncRunTests : IDisposable
{
    private readonly SyncFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task RunAsync_Incremental_ReadsOnlyWhatChangedAfterTheStoredCursor()
    {
        _fx.PutPeople(1, 3);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());

        var first = await _fx.Syncs.RunAsync("contacts");
        _fx.PutPeople(4, 4);
        _fx.Source.Put("p2", SyncFixture.Start.AddHours(1), ("Email", "p2@example.com"), ("Job Title", "CTO"));
        var second = await _fx.Syncs.RunAsync("contacts");
        var third = await _fx.Syncs.RunAsync("contacts");

        first.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Mode == SourceReadMode.Incremental && r.Read == 3 && r.Created == 3);
        second.Should().Match<SyncRun>(r => r.Read == 2 && r.Created == 1 && r.Updated == 1 && r.CursorBefore == first.CursorAfter);
        third.Read.Should().Be(0, "nothing changed after the last cursor");
        (await _fx.Profiles.FindProfileAsync(EntityKind.Person, "email", "p2@example.com"))!["title"].Should().Be(FieldValue.FromText("CTO"),
            "'Job Title' maps onto title by its name");
        (await _fx.Profiles.CountAsync(EntityKind.Person)).Should().Be(4);
    }

    [Fact]
    public async Task RunAsync_SourceDropsMidRead_RetriesFromTheLastStoredBatchAndRepeatsNothing()
    {
        _fx.PutPeople(1, 5);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        _fx.Source.Failures.Enqueue(1);

        var run = await _fx.WhileTimePassesAsync(_fx.Syncs.RunAsync("contacts"));

        run.Status.Should().Be(SyncRunStatus.Succeeded);
        run.Should().Match<SyncRun>(r => r.Read == 5 && r.Created == 5 && r.Unchanged == 0, "the retry read on from the first batch's cursor");
        _fx.Source.Reads.Should().HaveCount(2);
        _fx.Source.Reads[1].Cursor.Should().NotBeNull().And.NotBe(_fx.Source.Reads[0].Cursor);
        (await _fx.Profiles.CountAsync(EntityKind.Person)).Should().Be(5);
    }

    [Fact]
    public async Task RunAsync_SourceKeepsFailing_FailsLeavingTheCursorAfterItsLastStoredBatch_AndTheNextRunMissesNothing()
    {
        _fx.PutPeople(1, 5);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        foreach (var batches in new[] { 1, 0, 0 })
        {
            _fx.Source.Failures.Enqueue(batches);
        }

        var failed = await _fx.WhileTimePassesAsync(_fx.Syncs.RunAsync("contacts"));
        var next = await _fx.Syncs.RunAsync("contacts");

        failed.Status.Should().Be(SyncRunStatus.Failed);
        failed.Failure.Should().Contain("the source failed after its retries").And.Contain("dropped");
        failed.Created.Should().Be(2, "the first batch of two was stored before the failures");
        failed.CursorAfter.Should().NotBeNull();
        _fx.Source.Reads.Should().HaveCount(3 + 1, "the failed run read once and retried twice; the next run read once");
        next.CursorBefore.Should().Be(failed.CursorAfter);
        next.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Read == 3 && r.Created == 3 && r.Unchanged == 0);
        (await _fx.Profiles.CountAsync(EntityKind.Person)).Should().Be(5);
    }

    [Fact]
    public async Task RunAsync_FullRead_ReportsRecordsTheSourceNoLongerHas()
    {
        _fx.PutPeople(1, 3);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(timestamp: false));
        (await _fx.Syncs.RunAsync("contacts")).Mode.Should().Be(SourceReadMode.Full, "a sync without a timestamp field reads in full");
        _fx.Source.Remove("p2");

        var run = await _fx.Syncs.RunAsync("contacts");

        run.Should().Match<SyncRun>(r => r.Read == 2 && r.Unchanged == 2 && r.Deleted == 1);
        run.Errors.Should().ContainSingle().Which.Should().Match<ImportError>(e =>
            e.Record == new SourceRecordKey("crm", FakeTableSource.Object, "p2") && e.Message.Contains("no longer in the source"));
    }

    [Fact]
    public async Task RunAsync_ValueThatDoesNotFitTheField_RejectsTheRecordNamingFieldAndReason()
    {
        _fx.Source.Put("p1", SyncFixture.Start, ("Email", "a@example.com"), ("score", "12"));
        _fx.Source.Put("p2", SyncFixture.Start.AddMinutes(1), ("Email", "b@example.com"), ("score", "high"));
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts() with { Mappings = [new FieldMapping("score", "score", FieldType.Number)] });

        var run = await _fx.Syncs.RunAsync("contacts");

        run.Should().Match<SyncRun>(r => r.Created == 1 && r.Rejected == 1);
        var error = run.Errors.Should().ContainSingle().Subject;
        error.Record.Should().Be(new SourceRecordKey("crm", FakeTableSource.Object, "p2"));
        error.Field.Should().Be("score");
        error.Message.Should().Contain("text 'high'").And.Contain("number values");
    }

    [Fact]
    public async Task RunAsync_RunsOfOneSyncNeverOverlap()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        _fx.Source.Gate = new TaskCompletionSource();

        var first = _fx.Syncs.RunAsync("contacts");
        var second = () => _fx.Syncs.RunAsync("contacts");

        await second.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already running*");
        (await _fx.Syncs.RunDueAsync().ToListAsync()).Should().BeEmpty("a manual sync is never due");
        _fx.Source.Gate.SetResult();
        (await first).Status.Should().Be(SyncRunStatus.Succeeded);
        (await _fx.Syncs.ListRunsAsync("contacts")).Should().ContainSingle();
    }

    [Fact]
    public async Task SaveAsync_ATimestampFieldThatIsNoDateTime_IsRefusedBeforeAnyRun()
    {
        var act = () => _fx.Syncs.SaveAsync(SyncFixture.Contacts() with { TimestampField = "score" });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'score' as its timestamp field*reads it as text, not date-times*");
        (await _fx.Syncs.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAndPreview_SourceFailsDescribingItself_IsTheDefinitionsProblem_WithTheSourcesErrorInside()
    {
        var tableGone = new InvalidOperationException("no such table: contacts");
        _fx.Source.DescribeFailure = tableGone;

        var save = () => _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        var preview = () => _fx.Syncs.PreviewAsync(SyncFixture.Contacts());

        (await save.Should().ThrowAsync<ArgumentException>().WithMessage("The source failed on 'contacts' while describing it: no such table: contacts"))
            .Which.InnerException.Should().BeSameAs(tableGone);
        await preview.Should().ThrowAsync<ArgumentException>().WithMessage("*no such table*");
        (await _fx.Syncs.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Save_SourceUnreachable_PassesTheTransientFailureThroughAsItIs()
    {
        _fx.Source.DescribeFailure = new SourceUnavailableException("the warehouse is down") { RetryAfter = TimeSpan.FromSeconds(30) };

        var save = () => _fx.Syncs.SaveAsync(SyncFixture.Contacts());

        (await save.Should().ThrowAsync<SourceUnavailableException>()).Which.RetryAfter.Should().Be(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task RunAsync_ASyncsOwnBatchSize_SetsTheReadsAndTheAtomicBatches()
    {
        _fx.PutPeople(1, 3);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts() with { BatchSize = 1 });
        _fx.Source.Failures.Enqueue(2);

        var run = await _fx.WhileTimePassesAsync(_fx.Syncs.RunAsync("contacts"));

        _fx.Source.Reads.Should().OnlyContain(r => r.BatchSize == 1);
        _fx.Source.Reads[1].Cursor.Should().NotBeNull("the retry resumes after the second one-record batch");
        run.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Succeeded && r.Read == 3 && r.Created == 3);
    }

    [Fact]
    public async Task RemoveAsync_WhileARunGoesOn_IsRefused_AndWorksOnceItEnded()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        _fx.Source.Gate = new TaskCompletionSource();
        var running = _fx.Syncs.RunAsync("contacts");

        var remove = () => _fx.Syncs.RemoveAsync("contacts");

        await remove.Should().ThrowAsync<InvalidOperationException>().WithMessage("*'contacts' is running*");
        _fx.Source.Gate.SetResult();
        await running;
        (await _fx.Syncs.RemoveAsync("contacts")).Should().BeTrue();
        (await _fx.Syncs.ListRunsAsync("contacts")).Should().BeEmpty();
    }

    [Fact]
    public async Task SaveAsync_FieldsTheSourceDoesNotHave_AreRefusedNamingThem()
    {
        var act = () => _fx.Syncs.SaveAsync(SyncFixture.Contacts() with { TimestampField = "updated" });

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'updated' as its timestamp field*'changed_at'*");
        (await _fx.Syncs.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_SourceFailsWhileBeingOpened_RecordsTheRunFailedWithTheReason_AndTheNextRunStarts()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        _fx.Source.DescribeFailure = new InvalidOperationException("no such table: contacts");

        var failed = await _fx.Syncs.RunAsync("contacts");

        failed.Status.Should().Be(SyncRunStatus.Failed);
        failed.Failure.Should().Contain("no such table: contacts");
        failed.FinishedAt.Should().NotBeNull();
        (await _fx.Syncs.ListRunsAsync("contacts")).Should().ContainSingle().Which.Status.Should().Be(SyncRunStatus.Failed, "the stored run ended too");
        _fx.Source.DescribeFailure = null;
        var next = await _fx.Syncs.RunAsync("contacts");
        next.Status.Should().Be(SyncRunStatus.Succeeded, "a failed opening never leaves the sync blocked as running");
        next.Created.Should().Be(2);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileTheSourceIsBeingOpened_EndsTheStoredRun()
    {
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        using var cancel = new CancellationTokenSource();
        _fx.Source.OnDescribe = cancel.Cancel;

        var act = () => _fx.Syncs.RunAsync("contacts", cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        (await _fx.Syncs.ListRunsAsync("contacts")).Should().ContainSingle().Which.Status.Should().Be(SyncRunStatus.Failed);
        _fx.Source.OnDescribe = null;
        (await _fx.Syncs.RunAsync("contacts")).Status.Should().Be(SyncRunStatus.Succeeded, "the cancelled run is not left running");
    }

    [Fact]
    public async Task FindBySourceRecordAsync_FindsTheProfileASyncWroteUnderTheRecordsId()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        await _fx.Syncs.RunAsync("contacts");

        var found = await _fx.Profiles.FindBySourceRecordAsync(new SourceRecordKey("crm", FakeTableSource.Object, "p2"));
        var missing = await _fx.Profiles.FindBySourceRecordAsync(new SourceRecordKey("crm", FakeTableSource.Object, "p9"));
        var blank = () => _fx.Profiles.FindBySourceRecordAsync(new SourceRecordKey("crm", FakeTableSource.Object, " ")).AsTask();

        found.Should().NotBeNull();
        found!.Values["email"].Value.AsText().Should().Be("p2@example.com");
        missing.Should().BeNull();
        await blank.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public async Task RunAsync_CancelledMidRead_RecordsHowFarTheRunCame_AndTheNextRunGoesOnFromThere()
    {
        _fx.PutPeople(1, 6);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        using var cancel = new CancellationTokenSource();
        _fx.Source.BeforeBatch = batch =>
        {
            if (batch == 2)
            {
                cancel.Cancel();
            }
        };

        var act = () => _fx.Syncs.RunAsync("contacts", cancellationToken: cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var cancelled = (await _fx.Syncs.ListRunsAsync("contacts")).Should().ContainSingle().Subject;
        cancelled.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Failed && r.Created == 4 && r.CursorAfter != null && r.Failure!.Contains("cancelled"));
        _fx.Source.BeforeBatch = null;
        var next = await _fx.Syncs.RunAsync("contacts");
        next.Should().Match<SyncRun>(r => r.Read == 2 && r.Created == 2 && r.CursorBefore == cancelled.CursorAfter);
    }

    [Fact]
    public async Task RunAsync_ACancellationThatIsNotTheCallers_IsAFailureLikeAnyOther()
    {
        _fx.PutPeople(1, 4);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        _fx.Source.BeforeBatch = batch =>
        {
            if (batch == 1)
            {
                throw new TaskCanceledException("The request to the warehouse timed out.");
            }
        };

        var run = await _fx.Syncs.RunAsync("contacts");

        run.Should().Match<SyncRun>(r => r.Status == SyncRunStatus.Failed && r.Created == 2 && r.Failure!.Contains("timed out"));
    }

    [Fact]
    public async Task RunAsync_ASourceThatSendsNoBatchWithinTheTimeout_IsCancelledAndRetried_ThenTheRunFails()
    {
        using var fx = new SyncFixture(maxRetries: 1, batchTimeout: TimeSpan.FromSeconds(30));
        fx.PutPeople(1, 2);
        await fx.Syncs.SaveAsync(SyncFixture.Contacts());
        fx.Source.Gate = new TaskCompletionSource();

        var run = await fx.WhileTimePassesAsync(fx.Syncs.RunAsync("contacts"));

        fx.Source.Reads.Should().HaveCount(2, "the read that timed out is retried once");
        run.Status.Should().Be(SyncRunStatus.Failed);
        run.Failure.Should().Contain("sent no batch of 'contacts' within 00:00:30");
        fx.Source.Gate = null;
        (await fx.Syncs.RunAsync("contacts")).Created.Should().Be(2, "the reads that timed out were stopped, not left holding the source");
    }

    [Fact]
    public async Task SaveAsync_ADefinitionThatReadsDifferently_StartsItsNextRunFromTheBeginning_OtherChangesKeepTheCursor()
    {
        _fx.PutPeople(1, 3);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts());
        await _fx.Syncs.RunAsync("contacts");

        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental) with { Mappings = [new FieldMapping("score", "lead_score")] });
        (await _fx.Syncs.RunAsync("contacts")).Read.Should().Be(0, "a new schedule or mapping reads the same rows, so the cursor holds");

        var widened = SyncFixture.Contacts() with
        {
            Source = new SourceSettings(FakeSourceFactory.SourceType, new Dictionary<string, string> { ["where"] = "all regions" }),
        };
        await _fx.Syncs.SaveAsync(widened);
        var run = await _fx.Syncs.RunAsync("contacts");

        run.CursorBefore.Should().BeNull();
        run.Should().Match<SyncRun>(r => r.Read == 3 && r.Unchanged == 3, "under other settings the old cursor means nothing; rows read again change nothing");
    }
}
