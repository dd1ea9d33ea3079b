using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Sdk.Tests.Sync;

/// <summary>The cadences, on a fake clock: what is due when, one run after downtime, full reads first.</summary>
public sealed class SyncScheduleTests : IDisposable
{
    private readonly SyncFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task Crm_IncrementalEvery15Minutes_AndInFullOnceAWeek()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.Crm));

        (await ModesDueAsync()).Should().Equal(SourceReadMode.Full);
        _fx.Clock.Advance(TimeSpan.FromMinutes(14));
        (await ModesDueAsync()).Should().BeEmpty();
        _fx.Clock.Advance(TimeSpan.FromMinutes(1));
        (await ModesDueAsync()).Should().Equal(SourceReadMode.Incremental);
        for (var i = 0; i < (7 * 24 * 4) - 2; i++)
        {
            _fx.Clock.Advance(TimeSpan.FromMinutes(15));
            (await ModesDueAsync()).Should().Equal(SourceReadMode.Incremental);
        }

        _fx.Clock.Advance(TimeSpan.FromMinutes(15));
        (await ModesDueAsync()).Should().Equal([SourceReadMode.Full], "a week after the last full read, the full read comes first");
    }

    [Fact]
    public async Task WarehouseWithoutTimestamp_InFullEvery12Hours()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseFull, timestamp: false));

        (await ModesDueAsync()).Should().Equal(SourceReadMode.Full);
        _fx.Clock.Advance(TimeSpan.FromHours(11));
        (await ModesDueAsync()).Should().BeEmpty();
        (await _fx.Syncs.GetNextDueAsync()).Should().Be(SyncFixture.Start.AddHours(12));
        _fx.Clock.Advance(TimeSpan.FromHours(1));
        (await ModesDueAsync()).Should().Equal(SourceReadMode.Full);
    }

    [Fact]
    public async Task WarehouseWithTimestamp_IncrementalEvery15Minutes()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental));

        (await ModesDueAsync()).Should().Equal([SourceReadMode.Incremental], "the first read of a timestamped query starts from no cursor");
        _fx.Clock.Advance(TimeSpan.FromMinutes(15));
        (await ModesDueAsync()).Should().Equal(SourceReadMode.Incremental);
    }

    [Fact]
    public async Task AfterDowntime_ASyncCatchesUpWithOneRun_NotOnePerMissedSlot()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.WarehouseIncremental));
        await _fx.Syncs.RunDueAsync().ToListAsync();

        _fx.Clock.Advance(TimeSpan.FromHours(5));

        (await _fx.Syncs.RunDueAsync().ToListAsync()).Should().ContainSingle();
        (await _fx.Syncs.RunDueAsync().ToListAsync()).Should().BeEmpty();
        (await _fx.Syncs.GetNextDueAsync()).Should().Be(_fx.Clock.GetUtcNow().AddMinutes(15));
    }

    [Fact]
    public async Task Cron_RunsAtEachOccurrence()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(new SyncSchedule(Cron: "0 */6 * * *")));
        await _fx.Syncs.RunDueAsync().ToListAsync();

        (await _fx.Syncs.GetNextDueAsync()).Should().Be(new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero));
        _fx.Clock.Advance(TimeSpan.FromHours(3.99));
        (await ModesDueAsync()).Should().BeEmpty();
        _fx.Clock.Advance(TimeSpan.FromHours(0.01));
        (await ModesDueAsync()).Should().Equal(SourceReadMode.Incremental);
    }

    [Fact]
    public async Task SaveAsync_CronThatDoesNotParse_IsRefusedWithTheReason()
    {
        var act = () => _fx.Syncs.SaveAsync(SyncFixture.Contacts(new SyncSchedule(Cron: "every day")));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*cron expression 'every day'*");
    }

    [Fact]
    public async Task GetNextDueAsync_OfOneSync_IsNowBeforeItsFirstRun_ThenItsNextSlot_AndNullWhenRunByHand()
    {
        _fx.PutPeople(1, 2);
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts(SyncSchedule.Crm));
        await _fx.Syncs.SaveAsync(SyncFixture.Contacts() with { Name = "by-hand" });

        (await _fx.Syncs.GetNextDueAsync("contacts")).Should().Be(SyncFixture.Start, "a sync that never ran is due now");
        await _fx.Syncs.RunDueAsync().ToListAsync();
        (await _fx.Syncs.GetNextDueAsync("contacts")).Should().Be(SyncFixture.Start.AddMinutes(15));
        (await _fx.Syncs.GetNextDueAsync("by-hand")).Should().BeNull();
        _fx.Clock.Advance(TimeSpan.FromHours(2));
        (await _fx.Syncs.GetNextDueAsync("contacts")).Should().Be(_fx.Clock.GetUtcNow(), "a missed slot is due now, not in the past");
        var unknown = () => _fx.Syncs.GetNextDueAsync("nope");
        await unknown.Should().ThrowAsync<KeyNotFoundException>().WithMessage("*'nope'*");
    }

    private async Task<IEnumerable<SourceReadMode>> ModesDueAsync() => (await _fx.Syncs.RunDueAsync().ToListAsync()).Select(r => r.Mode).ToList();
}
