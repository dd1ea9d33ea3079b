using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Destinations;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>The write plan: per record and field what the next run would do, computed as the run does, with nothing sent or saved.</summary>
public sealed class ExportPlanTests : IDisposable
{
    private readonly ExportFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task ThePlanShowsEveryActionAndFieldAction_AsTheRunThenDoes()
    {
        var ada = await _fx.PersonAsync("Ada", score: 7, owner: "ana");
        var grace = await _fx.PersonAsync("Grace", score: 9, owner: "bo");
        var alan = await _fx.PersonAsync("Alan", score: 5, owner: "cy");
        _fx.Seed("Ada", ("name", FieldValue.FromText("A.")), ("score", FieldValue.FromNumber(3)), ("owner", FieldValue.FromText("zed")));
        _fx.Seed("Alan", ("name", FieldValue.FromText("Alan")), ("score", FieldValue.FromNumber(5)));
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with
        {
            CreateNew = true,
            Mappings = [.. ExportFixture.Everyone().Mappings, new ExportMapping("owner", "owner")],
        });

        var plan = (await _fx.PlanAsync("to-crm")).ToDictionary(p => p.Profile);

        plan[ada.Id].Should().BeEquivalentTo(new ExportPlanRecord(ada.Id, ExportFixture.Email("Ada"), ExportPlanAction.Update,
        [
            new ExportPlanField("name", "first_name", FieldValue.FromText("Ada"), FieldValue.FromText("A."), ExportFieldAction.Write, WriteRule.Always),
            new ExportPlanField("score", "score", FieldValue.FromNumber(7), FieldValue.FromNumber(3), ExportFieldAction.SkippedByRule, WriteRule.IfEmpty),
            new ExportPlanField("owner", "owner", FieldValue.FromText("ana"), FieldValue.FromText("zed"), ExportFieldAction.SkippedByRule, WriteRule.Never),
        ]));
        plan[grace.Id].Action.Should().Be(ExportPlanAction.Create);
        plan[grace.Id].Fields.Select(f => (f.DestinationField, f.Action, f.Current)).Should().Equal(
            ("name", ExportFieldAction.Write, FieldValue.Empty),
            ("score", ExportFieldAction.Write, FieldValue.Empty),
            ("owner", ExportFieldAction.SkippedByRule, FieldValue.Empty));
        plan[alan.Id].Action.Should().Be(ExportPlanAction.Unchanged);
        plan[alan.Id].Fields.Select(f => f.Action).Should().Equal(ExportFieldAction.Unchanged, ExportFieldAction.Unchanged, ExportFieldAction.SkippedByRule);

        var run = await _fx.Exports.RunAsync("to-crm");
        run.Should().Match<ExportRun>(r => r.Updated == 1 && r.Created == 1 && r.Skipped == 1);
        _fx.Held("Ada", "owner").Should().Be(FieldValue.FromText("zed"));
        _fx.Held("Ada", "score").Should().Be(FieldValue.FromNumber(3));
        _fx.Held("Grace", "owner").IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task PlanningSendsNothing_RecordsNothing_AndMovesNoCheckpoint()
    {
        await _fx.PersonAsync("Ada", score: 7);
        _fx.Destination.FailKey(ExportFixture.Email("Ada"), "locked");
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { CreateNew = true });

        var plan = await _fx.PlanAsync("to-crm");
        var again = await _fx.PlanAsync("to-crm");

        plan.Should().ContainSingle().Which.Action.Should().Be(ExportPlanAction.Create);
        again.Should().BeEquivalentTo(plan);
        _fx.Destination.Calls.Should().OnlyContain(c => c.Kind != InMemoryDestinationCallKind.Write);
        _fx.Destination.Records.Should().BeEmpty();
        (await _fx.Runs.GetCheckpointAsync("to-crm")).Should().BeNull();
        (await _fx.Exports.ListRunsAsync("to-crm")).Should().BeEmpty();
        (await _fx.Exports.ListFailuresAsync("to-crm")).Should().BeEmpty();
    }

    [Fact]
    public async Task APlanOfAnUnknownExport_Throws()
    {
        var planning = () => _fx.PlanAsync("nowhere");
        await planning.Should().ThrowAsync<KeyNotFoundException>().WithMessage("There is no export named 'nowhere'.");
    }

    [Fact]
    public async Task ThePlanShowsRemovalsAndSkips_WithTheirReasons()
    {
        var ada = await _fx.PersonAsync("Ada", score: 9);
        var grace = await _fx.PersonAsync("Grace", score: 8);
        var hot = await _fx.AudienceAsync("Hot", "score > 5");
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { Audience = hot, CreateNew = true, RemoveOnExit = true });
        await _fx.Exports.RunAsync("to-crm");
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { Audience = hot, RemoveOnExit = true });

        await _fx.PersonAsync("Ada", score: 1);
        var bo = await _fx.PersonAsync("Bo", score: 6);
        await _fx.Audiences.RefreshMembershipAsync();
        var plan = (await _fx.PlanAsync("to-crm")).ToDictionary(p => p.Profile);

        plan[ada.Id].Should().BeEquivalentTo(new ExportPlanRecord(ada.Id, ExportFixture.Email("Ada"), ExportPlanAction.Remove, []) { Reason = $"left audience {hot}; removing on exit is on" });
        plan[bo.Id].Should().BeEquivalentTo(new ExportPlanRecord(bo.Id, ExportFixture.Email("Bo"), ExportPlanAction.Skip, []) { Reason = "not in the destination; creating is off" });
        plan[grace.Id].Action.Should().Be(ExportPlanAction.Unchanged, "turning creating off changed the fingerprint, so the plan is full and she is held as she is");
    }

    [Fact]
    public async Task AValueTheDestinationHoldsAsText_IsUnchangedWhenItReadsAsTheProfilesValue()
    {
        // CRMs answer every field as text: a score of 7 written before comes back as "7".
        var ada = await _fx.PersonAsync("Ada", score: 7);
        var grace = await _fx.PersonAsync("Grace", score: 9);
        _fx.Seed("Ada", ("name", FieldValue.FromText("Ada")), ("score", FieldValue.FromText("7")));
        _fx.Seed("Grace", ("name", FieldValue.FromText("Grace")), ("score", FieldValue.FromText("9.5")));
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with
        {
            Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }, new ExportMapping("score", "score") { Rule = WriteRule.Always }],
        });

        var plan = (await _fx.PlanAsync("to-crm")).ToDictionary(p => p.Profile);

        plan[ada.Id].Action.Should().Be(ExportPlanAction.Unchanged);
        plan[ada.Id].Fields.Select(f => f.Action).Should().Equal(ExportFieldAction.Unchanged, ExportFieldAction.Unchanged);
        plan[grace.Id].Action.Should().Be(ExportPlanAction.Update, "9.5 is not 9");
        (await _fx.Exports.RunAsync("to-crm")).Should().Match<ExportRun>(r => r.Sent == 1 && r.Updated == 1 && r.Skipped == 1);
    }
}
