using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>Saving checks a definition against its destination, the catalog and the audiences; a refused one stores nothing.</summary>
public sealed class ExportSaveTests : IDisposable
{
    private readonly ExportFixture _fx = new(ExportFixture.Contacts(canRemove: false));

    public void Dispose() => _fx.Dispose();

    public static TheoryData<string, string> Refusals => new()
    {
        { "name", "'bad name!' cannot name an export*" },
        { "type", "There is no destination of type 'nowhere': the registered types are 'memory'.*" },
        { "setting", "The memory destination needs the setting 'name'*" },
        { "field", "Export 'to-crm' writes the field 'phone', which contacts in the memory destination does not have; its fields are email, name, score, status, owner." },
        { "membership-field", "Export 'to-crm' writes the field 'segment', which contacts*its fields are email, name, score, status, owner." },
        { "profile-field", "Export 'to-crm' reads the field 'shoe_size', which person profiles do not have*" },
        { "audience", "Export 'to-crm' reads audience 999, which does not exist.*" },
        { "kind", "Export 'to-crm' is for person profiles, but audience * 'Firms' holds company profiles." },
        { "remove", "Export 'to-crm' removes records that leave its audience, but the memory destination cannot remove records from contacts*" },
        { "remove-everyone", "Export 'to-crm' removes records that leave its audience, but exports every profile rather than an audience*" },
        { "attempts", "Export 'to-crm' tries each record 0 times; give 1 or more." },
        { "every", "Export 'to-crm' runs every -01:00:00; give a positive interval*" },
        { "nothing", "Export 'to-crm' maps nothing*" },
        { "twice", "Export 'to-crm' writes the field 'name' more than once*" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task AnInvalidDefinition_IsRefusedSayingWhy_AndNothingIsStored(string what, string message)
    {
        await _fx.PersonAsync("Ada", score: 1);
        await _fx.Profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("crm", "accounts", "1"), EntityKind.Company, SourceKind.Crm, new Dictionary<string, FieldValue> { ["name"] = FieldValue.FromText("Acme") })],
            new ImportOptions(EntityKind.Company));
        var firms = await _fx.Audiences.CreateAsync(new AudienceDefinition("Firms", EntityKind.Company, "ana"), "name is not empty");
        var hot = await _fx.AudienceAsync("Hot", "score > 5");
        var valid = ExportFixture.Everyone();
        var definition = what switch
        {
            "name" => valid with { Name = "bad name!" },
            "type" => valid with { Destination = new DestinationSettings("nowhere", new Dictionary<string, string>()) },
            "setting" => valid with { Destination = new DestinationSettings("memory", new Dictionary<string, string>()) },
            "field" => valid with { Mappings = [new ExportMapping("first_name", "phone")] },
            "membership-field" => valid with { Membership = [new MembershipMapping(hot, "segment", FieldValue.FromText("hot"))] },
            "profile-field" => valid with { Mappings = [new ExportMapping("shoe_size", "score")] },
            "audience" => valid with { Audience = 999 },
            "kind" => valid with { Membership = [new MembershipMapping(firms.Id, "status", FieldValue.FromText("x"))] },
            "remove" => valid with { Audience = hot, RemoveOnExit = true },
            "remove-everyone" => valid with { RemoveOnExit = true },
            "attempts" => valid with { MaxAttempts = 0 },
            "every" => valid with { Every = TimeSpan.FromHours(-1) },
            "nothing" => valid with { Mappings = [] },
            "twice" => valid with { Mappings = [new ExportMapping("first_name", "name"), new ExportMapping("email", "name")] },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var saving = () => _fx.Exports.SaveAsync(definition);

        await saving.Should().ThrowAsync<ArgumentException>().WithMessage(message);
        (await _fx.Exports.ListAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task CreatingNeedsADestinationThatCreates_AndIfEmptyOneThatReads()
    {
        using var fx = new ExportFixture(ExportFixture.Contacts(canRead: false, canCreate: false));
        await fx.PersonAsync("Ada", score: 1);

        var creating = () => fx.Exports.SaveAsync(ExportFixture.Everyone() with { Mappings = [new ExportMapping("first_name", "name")], CreateNew = true });
        await creating.Should().ThrowAsync<ArgumentException>().WithMessage("Export 'to-crm' creates records, but the memory destination cannot create records in contacts; turn creating off.");

        var ifEmpty = () => fx.Exports.SaveAsync(ExportFixture.Everyone());
        await ifEmpty.Should().ThrowAsync<ArgumentException>().WithMessage(
            "Export 'to-crm' writes 'score' only while it is empty, but the memory destination cannot read its current values; write it always or never.");
    }

    [Fact]
    public async Task AnUnreachableDestination_IsRefusedSayingItCouldNotBeReached()
    {
        await _fx.PersonAsync("Ada", score: 1);
        _fx.Destination.FailNextCall(new DestinationUnavailableException("401 Unauthorized") { Transient = false });

        var saving = () => _fx.Exports.SaveAsync(ExportFixture.Everyone());

        (await saving.Should().ThrowAsync<ArgumentException>())
            .WithMessage("Export 'to-crm': the memory destination could not be reached to check the definition: 401 Unauthorized*")
            .WithInnerException<DestinationUnavailableException>();
        (await _fx.Exports.GetAsync("to-crm")).Should().BeNull();
    }

    [Fact]
    public async Task AValidDefinition_IsStoredAndListed_AndRemovable()
    {
        await _fx.PersonAsync("Ada", score: 1);

        var saved = await _fx.Exports.SaveAsync(ExportFixture.Everyone());

        (await _fx.Exports.GetAsync("TO-CRM")).Should().BeEquivalentTo(saved);
        (await _fx.Exports.ListAsync()).Should().ContainSingle();
        (await _fx.Exports.RemoveAsync("to-crm")).Should().BeTrue();
        (await _fx.Exports.ListAsync()).Should().BeEmpty();
    }
}
