using Audiences.Sdk.Exports;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>Creating is a switch: off, only the records the destination holds are updated; on, the others are created.</summary>
public sealed class ExportCreateSwitchTests : IDisposable
{
    private readonly ExportFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task WithCreatingOff_HeldRecordsAreUpdated_AndTheOthersSkippedWithTheReason()
    {
        var ada = await _fx.PersonAsync("Ada", score: 7);
        var grace = await _fx.PersonAsync("Grace", score: 9);
        _fx.Seed("Ada", ("name", FieldValue.FromText("A.")));
        await _fx.Exports.SaveAsync(ExportFixture.Everyone());

        var run = await _fx.Exports.RunAsync("to-crm");

        run.Should().Match<ExportRun>(r => r.Status == ExportRunStatus.Completed && r.Full && r.Sent == 1 && r.Updated == 1 && r.Created == 0 && r.Skipped == 1 && r.Succeeded == 1);
        _fx.Held("Ada", "name").Should().Be(FieldValue.FromText("Ada"));
        _fx.Held("Ada", "score").Should().Be(FieldValue.FromNumber(7), "the score was empty, so 'if empty' writes it");
        _fx.Destination.Records.Should().ContainSingle("Grace is not created");
        var outcomes = await _fx.OutcomesAsync("to-crm", run.Id);
        outcomes.Should().ContainEquivalentOf(new ExportOutcome(ada.Id, ExportFixture.Email("Ada"), ExportOutcomeKind.Updated));
        outcomes.Should().ContainEquivalentOf(
            new ExportOutcome(grace.Id, ExportFixture.Email("Grace"), ExportOutcomeKind.Skipped) { Reason = "not in the destination; creating is off" });
    }

    [Fact]
    public async Task WithCreatingOn_RecordsTheDestinationLacksAreCreated_WithEveryFieldTheRulesWrite()
    {
        await _fx.PersonAsync("Ada", score: 7, owner: "ana");
        var definition = ExportFixture.Everyone() with
        {
            CreateNew = true,
            Mappings = [.. ExportFixture.Everyone().Mappings, new ExportMapping("owner", "owner") { Rule = WriteRule.Never }],
        };
        await _fx.Exports.SaveAsync(definition);

        var run = await _fx.Exports.RunAsync("to-crm");

        run.Should().Match<ExportRun>(r => r.Created == 1 && r.Sent == 1 && r.Skipped == 0);
        _fx.Destination.Records[ExportFixture.Email("Ada")].Should().BeEquivalentTo(new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText(ExportFixture.Email("Ada")),
            ["name"] = FieldValue.FromText("Ada"),
            ["score"] = FieldValue.FromNumber(7),
        }, "a field whose rule is never is not written even on a new record");
    }

    [Fact]
    public async Task ADestinationThatCannotRead_TakesNoRecordAsHeld_SoOnlyCreatingSendsAnything()
    {
        using var fx = new ExportFixture(ExportFixture.Contacts(canRead: false));
        await fx.PersonAsync("Ada");
        var definition = new ExportDefinition("to-ads", EntityKind.Person, ExportFixture.Crm)
        {
            Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }],
        };
        await fx.Exports.SaveAsync(definition);

        var off = await fx.Exports.RunAsync("to-ads");
        off.Should().Match<ExportRun>(r => r.Sent == 0 && r.Skipped == 1);
        (await fx.OutcomesAsync("to-ads", off.Id)).Single().Reason.Should().Be("the destination cannot say whether it holds the record, and creating is off");

        await fx.Exports.SaveAsync(definition with { CreateNew = true });
        var on = await fx.Exports.RunAsync("to-ads");
        on.Created.Should().Be(1);
        fx.Held("Ada", "name").Should().Be(FieldValue.FromText("Ada"));
    }

    [Fact]
    public async Task AProfileWithoutAKey_IsSkippedNamingTheKeyField_AndAKeySourceKeysByTheRecordIdThere()
    {
        var ada = await _fx.PersonAsync("Ada", score: 1, id: "003A");
        var definition = ExportFixture.Everyone() with { KeyField = "phone", CreateNew = true };
        var saving = () => _fx.Exports.SaveAsync(definition);
        await saving.Should().ThrowAsync<ArgumentException>().WithMessage("*reads the field 'phone', which person profiles do not have*");

        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { KeySource = "hubspot", CreateNew = true });
        var run = await _fx.Exports.RunAsync("to-crm");
        (await _fx.OutcomesAsync("to-crm", run.Id)).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new ExportOutcome(ada.Id, null, ExportOutcomeKind.Skipped) { Reason = "no record from hubspot" });

        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with { KeySource = "crm", CreateNew = true });
        await _fx.Exports.RunAsync("to-crm");
        _fx.Destination.Records.Keys.Should().Equal("003A");
    }

    [Fact]
    public async Task AKeySource_KeysByTheRecordOfTheDestinationsObject_BeforeAnOlderRecordOfAnotherObject()
    {
        // Ada came in as a lead first, then as the contact it was converted into; Grace is a lead only.
        await _fx.Profiles.UpsertAsync([Person("leads", "00QA", "Ada"), Person("leads", "00QG", "Grace")], new ImportOptions(EntityKind.Person));
        await _fx.Profiles.UpsertAsync([Person("contacts", "003A", "Ada")], new ImportOptions(EntityKind.Person));
        (await _fx.GetAsync("Ada")).Sources.Select(s => s.Key.ObjectName).Should().Equal("leads", "contacts");
        await _fx.Exports.SaveAsync(ExportFixture.Everyone() with
        {
            KeySource = "crm",
            CreateNew = true,
            Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }],
        });

        await _fx.Exports.RunAsync("to-crm");

        _fx.Destination.Records.Keys.Should().BeEquivalentTo(["003A", "00QG"], "the contacts destination takes Ada's contact id; Grace has no other than her lead's");
    }

    private static SourceRecord Person(string objectName, string id, string firstName) =>
        new(new SourceRecordKey("crm", objectName, id), EntityKind.Person, SourceKind.Crm, new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText(ExportFixture.Email(firstName)),
            ["first_name"] = FieldValue.FromText(firstName),
        });
}
