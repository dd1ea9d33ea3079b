using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>The first run considers every record; later runs only what changed since the checkpoint; a new fingerprint makes a run full again.</summary>
public sealed class ExportIncrementalTests : IDisposable
{
    private readonly ExportFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task TheFirstRunIsFull_ThenOnlyChangedRecordsAreSent_AndAMappingChangeMakesTheNextRunFull()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.PersonAsync("Grace");
        await _fx.PersonAsync("Alan");
        var definition = ExportFixture.Everyone() with { CreateNew = true };
        await _fx.Exports.SaveAsync(definition);

        var first = await _fx.Exports.RunAsync("to-crm");
        first.Should().Match<ExportRun>(r => r.Full && r.Created == 3);
        var checkpoint = (await _fx.Runs.GetCheckpointAsync("to-crm"))!;
        checkpoint.Fingerprint.Should().NotBeNullOrEmpty();
        checkpoint.At.Should().Be(first.StartedAt);

        var quiet = await _fx.Exports.RunAsync("to-crm");
        quiet.Should().Match<ExportRun>(r => !r.Full && r.Sent == 0 && r.Skipped == 0, "nothing changed");

        _fx.Destination.Calls.Count.Should().BeGreaterThan(0);
        var writesBefore = _fx.Destination.Writes.Count;
        await _fx.PersonAsync("Grace", score: 4);
        var incremental = await _fx.Exports.RunAsync("to-crm");
        incremental.Should().Match<ExportRun>(r => !r.Full && r.Sent == 1 && r.Updated == 1);
        _fx.Destination.Writes.Skip(writesBefore).Select(w => w.Key).Should().Equal(ExportFixture.Email("Grace"));
        _fx.Held("Grace", "score").Should().Be(FieldValue.FromNumber(4));

        await _fx.Exports.SaveAsync(definition with { Mappings = [.. definition.Mappings, new ExportMapping("email", "status") { Rule = WriteRule.Always }] });
        var full = await _fx.Exports.RunAsync("to-crm");
        full.Should().Match<ExportRun>(r => r.Full && r.Updated == 3, "the new mapping has to reach every record");
        _fx.Held("Alan", "status").Should().Be(FieldValue.FromText(ExportFixture.Email("Alan")));
        (await _fx.Runs.GetCheckpointAsync("to-crm"))!.Fingerprint.Should().NotBe(checkpoint.Fingerprint);
    }

    [Fact]
    public async Task ChangingOnlyTheSchedule_KeepsTheRunsIncremental()
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { CreateNew = true });
        await _fx.Exports.RunAsync("to-crm");

        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { CreateNew = true, Every = TimeSpan.FromHours(1), MaxAttempts = 2 });
        var run = await _fx.Exports.RunAsync("to-crm");

        run.Full.Should().BeFalse();
        run.Sent.Should().Be(0);
    }

    [Fact]
    public async Task AProfileOutsideTheExportedAudience_IsNotSentWhenItChanges()
    {
        await _fx.PersonAsync("Ada", score: 9);
        await _fx.PersonAsync("Grace", score: 1);
        var hot = await _fx.AudienceAsync("Hot", "score > 5");
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { Audience = hot, CreateNew = true });
        (await _fx.Exports.RunAsync("to-crm")).Created.Should().Be(1);

        await _fx.PersonAsync("Grace", score: 2);
        await _fx.Audiences.RefreshMembershipAsync();
        var run = await _fx.Exports.RunAsync("to-crm");

        run.Sent.Should().Be(0);
        _fx.Destination.Records.Keys.Should().Equal(ExportFixture.Email("Ada"));
    }
}
