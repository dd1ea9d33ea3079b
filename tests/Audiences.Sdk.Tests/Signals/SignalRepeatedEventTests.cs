using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Signals;

/// <summary>A provider may report again an event at the very time a record was last checked; the run does not count it as fired.</summary>
public sealed class SignalRepeatedEventTests
{
    [Fact]
    public async Task RunAsync_EventAtTheLastCheckReportedAgain_IsNotCountedAsFired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var movedAt = clock.GetUtcNow();
        var provider = new ScriptedSignalProvider
        {
            Answer = (records, _, _) => Task.FromResult<IReadOnlyList<SignalResult>>(
                [.. records.Select(r => new SignalResult(r.Id) { Events = [new SignalEvent(movedAt, "title: Engineer → CTO")], Credits = 1 })]),
        };
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddAudiences(b => b.UseInMemory().AddSignalProvider(provider));
        await using var sp = services.BuildServiceProvider();
        await sp.GetRequiredService<IProfileService>().UpsertAsync(
            [new SourceRecord(new SourceRecordKey("crm", "contacts", "1"), EntityKind.Person, SourceKind.Crm, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText("ada@example.com"),
                ["first_name"] = FieldValue.FromText("Ada"),
            })],
            new ImportOptions(EntityKind.Person));
        var audiences = sp.GetRequiredService<IAudienceService>();
        var everyone = await audiences.CreateAsync(
            new AudienceDefinition("Everyone", EntityKind.Person, "tests") { Status = AudienceStatus.Active }, "first_name is not empty");
        await audiences.RefreshMembershipAsync();
        var signals = sp.GetRequiredService<ISignalService>();
        await signals.SaveAsync(new SignalDefinition("moves", EntityKind.Person, SignalType.JobChange, provider.Name, [everyone.Id]));

        var first = await signals.RunAsync("moves");
        clock.Advance(TimeSpan.FromDays(1));
        var second = await signals.RunAsync("moves");

        (first.Checked, first.Fired).Should().Be((1, 1));
        (second.Checked, second.Fired).Should().Be((1, 0), "the event was found by the first run, which checked the record up to its time");
    }
}
