using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>Segment membership written to a field: its in value on entry, its out value once the record leaves; removal on exit when asked.</summary>
public sealed class ExportMembershipTests : IDisposable
{
    private readonly ExportFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task AMembershipField_HoldsTheInValueWhileAMember_AndTheOutValueOnceTheRecordLeaves()
    {
        await _fx.PersonAsync("Ada", score: 3);
        await _fx.PersonAsync("Grace", score: 9);
        var hot = await _fx.AudienceAsync("Hot", "score > 5");
        await _fx.Exports.SaveAsync(new ExportDefinition("status", EntityKind.Person, ExportFixture.Crm)
        {
            CreateNew = true,
            Membership = [new MembershipMapping(hot, "status", FieldValue.FromText("hot")) { ValueOut = FieldValue.FromText("cold") }],
        });

        await _fx.Exports.RunAsync("status");
        _fx.Held("Ada", "status").Should().Be(FieldValue.FromText("cold"));
        _fx.Held("Grace", "status").Should().Be(FieldValue.FromText("hot"));

        await _fx.PersonAsync("Ada", score: 8);
        await _fx.PersonAsync("Grace", score: 1);
        await _fx.Audiences.RefreshMembershipAsync();
        var run = await _fx.Exports.RunAsync("status");

        run.Should().Match<ExportRun>(r => !r.Full && r.Updated == 2);
        _fx.Held("Ada", "status").Should().Be(FieldValue.FromText("hot"));
        _fx.Held("Grace", "status").Should().Be(FieldValue.FromText("cold"));
    }

    [Fact]
    public async Task ARecordLeavingTheExportedAudience_GetsItsMembershipOutValues_ClearingTheFieldByDefault()
    {
        await _fx.PersonAsync("Ada", score: 9);
        var hot = await _fx.AudienceAsync("Hot", "score > 5");
        await _fx.Exports.SaveAsync(new ExportDefinition("hot-list", EntityKind.Person, ExportFixture.Crm)
        {
            Audience = hot,
            CreateNew = true,
            Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }],
            Membership = [new MembershipMapping(hot, "status", FieldValue.FromText("hot"))],
        });
        await _fx.Exports.RunAsync("hot-list");
        _fx.Held("Ada", "status").Should().Be(FieldValue.FromText("hot"));

        await _fx.PersonAsync("Ada", score: 2);
        await _fx.Audiences.RefreshMembershipAsync();
        var plan = await _fx.PlanAsync("hot-list");
        var run = await _fx.Exports.RunAsync("hot-list");

        var exit = plan.Should().ContainSingle().Subject;
        exit.Action.Should().Be(ExportPlanAction.Update);
        exit.Reason.Should().Be($"left audience {hot}: its membership fields get their out values");
        exit.Fields.Should().ContainSingle().Which.Should().Be(
            new ExportPlanField("status", $"audience:{hot}", FieldValue.Empty, FieldValue.FromText("hot"), ExportFieldAction.Write, WriteRule.Always));
        run.Updated.Should().Be(1);
        _fx.Held("Ada", "status").IsEmpty.Should().BeTrue("the out value is empty, which clears the field");
        _fx.Held("Ada", "name").Should().Be(FieldValue.FromText("Ada"), "only the membership fields of a leaver are written");
    }

    [Fact]
    public async Task WithRemovalOnExit_ALeaverIsRemoved_CarryingItsMappedValues()
    {
        var ada = await _fx.PersonAsync("Ada", score: 9);
        var hot = await _fx.AudienceAsync("Hot", "score > 5");
        await _fx.Exports.SaveAsync(new ExportDefinition("hot-list", EntityKind.Person, ExportFixture.Crm)
        {
            Audience = hot,
            CreateNew = true,
            RemoveOnExit = true,
            Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }],
        });
        await _fx.Exports.RunAsync("hot-list");
        _fx.Destination.Records.Should().ContainKey(ExportFixture.Email("Ada"));

        await _fx.PersonAsync("Ada", score: 2);
        await _fx.Audiences.RefreshMembershipAsync();
        var run = await _fx.Exports.RunAsync("hot-list");

        run.Removed.Should().Be(1);
        _fx.Destination.Records.Should().BeEmpty();
        var removal = _fx.Destination.Writes[^1];
        removal.Kind.Should().Be(Destinations.DestinationWriteKind.Remove);
        removal.Values.Should().Equal(new Dictionary<string, FieldValue> { ["name"] = FieldValue.FromText("Ada") });
        (await _fx.OutcomesAsync("hot-list", run.Id)).Should().ContainSingle().Which.Should().Be(new ExportOutcome(ada.Id, ExportFixture.Email("Ada"), ExportOutcomeKind.Removed));

        var again = await _fx.Exports.RunAsync("hot-list");
        again.Sent.Should().Be(0, "a removed leaver is not sent again");
    }

    [Fact]
    public async Task WithRemovalOnExit_AnArchivedMemberIsRemoved_AndARestoredOneAddedAgain()
    {
        var ada = await _fx.PersonAsync("Ada", score: 9);
        await _fx.PersonAsync("Grace", score: 8);
        var hot = await _fx.AudienceAsync("Hot", "score > 5");
        await _fx.Exports.SaveAsync(new ExportDefinition("hot-ads", EntityKind.Person, ExportFixture.Crm)
        {
            Audience = hot,
            CreateNew = true,
            RemoveOnExit = true,
            Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }],
        });
        await _fx.Exports.RunAsync("hot-ads");

        await _fx.Audiences.ArchiveAsync(hot, [ada.Id]);
        var archived = await _fx.Exports.RunAsync("hot-ads");
        await _fx.Audiences.RestoreAsync(hot, [ada.Id]);
        var restored = await _fx.Exports.RunAsync("hot-ads");

        archived.Should().Match<ExportRun>(r => r.Removed == 1 && r.Sent == 1, "an archived member leaves the active set, so the destination loses it");
        restored.Should().Match<ExportRun>(r => r.Created == 1 && r.Sent == 1);
        _fx.Destination.Records.Keys.Should().BeEquivalentTo([ExportFixture.Email("Ada"), ExportFixture.Email("Grace")]);
    }
}
