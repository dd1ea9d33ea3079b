using Audiences.Sdk.DataHub;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.DataHub;

/// <summary>Editing a field's display name, description, cost and export status, on the in-memory store.</summary>
public sealed class EditFieldTests : IDisposable
{
    private readonly DataHubFixture _fx = new();

    public void Dispose() => _fx.Dispose();

    [Fact]
    public async Task EditFieldAsync_ChangesTheGivenSettings_AndKeepsTheRest()
    {
        await _fx.ImportAsync();
        await _fx.Hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { DisplayName = "Job title", CostPerRecord = 0.5m });

        var edited = await _fx.Hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { Description = "Title as the CRM holds it", ExportStatus = FieldExportStatus.Exported });

        edited.Should().Be(new FieldDefinition("title", EntityKind.Person, FieldType.Text, "crm")
        {
            DisplayName = "Job title", Description = "Title as the CRM holds it", CostPerRecord = 0.5m, ExportStatus = FieldExportStatus.Exported,
        });
        (await _fx.Hub.ListFieldsAsync(EntityKind.Person)).Single(f => f.Key == "title").Definition.Should().Be(edited);
    }

    [Fact]
    public async Task EditFieldAsync_ClearDescriptionAndClearCost_RemoveThem()
    {
        await _fx.ImportAsync();
        await _fx.Hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { Description = "Job title", CostPerRecord = 2 });

        var cleared = await _fx.Hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { ClearDescription = true, ClearCost = true });

        cleared.Description.Should().BeNull();
        cleared.CostPerRecord.Should().BeNull();
        cleared.DisplayName.Should().Be("title");
    }

    [Fact]
    public async Task EditFieldAsync_UnknownField_ThrowsKeyNotFound_NamingTheFieldAndKind()
    {
        await _fx.ImportAsync();

        var edit = () => _fx.Hub.EditFieldAsync(EntityKind.Company, "title", new FieldEdit { Description = "x" });

        await edit.Should().ThrowAsync<KeyNotFoundException>().WithMessage("*company field 'title'*");
    }

    [Theory]
    [InlineData(" ", null, "*DisplayName*")]
    [InlineData("", null, "*DisplayName*")]
    [InlineData(null, -1, "*CostPerRecord*")]
    public async Task EditFieldAsync_BlankNameOrNegativeCost_ThrowsArgumentException_NamingTheSetting(string? name, int? cost, string message)
    {
        await _fx.ImportAsync();

        var edit = () => _fx.Hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { DisplayName = name, CostPerRecord = cost });

        await edit.Should().ThrowAsync<ArgumentException>().WithMessage(message);
        (await _fx.Hub.ListFieldsAsync(EntityKind.Person)).Single(f => f.Key == "title").Definition.DisplayName.Should().Be("title");
    }

    [Fact]
    public async Task EditFieldAsync_SettingAndClearingTogether_ThrowsArgumentException()
    {
        await _fx.ImportAsync();

        var description = () => _fx.Hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { Description = "x", ClearDescription = true });
        var cost = () => _fx.Hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { CostPerRecord = 1, ClearCost = true });

        await description.Should().ThrowAsync<ArgumentException>().WithMessage("*Description*");
        await cost.Should().ThrowAsync<ArgumentException>().WithMessage("*CostPerRecord*");
    }

    [Fact]
    public async Task EditFieldAsync_SurvivesAReimport_AndAnotherSourceWritingTheField()
    {
        await _fx.ImportAsync();
        var edit = new FieldEdit { DisplayName = "Job title", Description = "Title", CostPerRecord = 0.25m, ExportStatus = FieldExportStatus.Exported };
        var edited = await _fx.Hub.EditFieldAsync(EntityKind.Person, "title", edit);

        await _fx.ImportAsync();
        await _fx.Workspace.Service.UpsertAsync(
            [new SourceRecord(new SourceRecordKey("sheet", "people", "9"), EntityKind.Person, SourceKind.Csv, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText("zed@home.example"),
                ["title"] = FieldValue.FromText("CEO"),
                ["city"] = FieldValue.FromText("Oslo"),
            })],
            new ImportOptions(EntityKind.Person));

        var fields = await _fx.Hub.ListFieldsAsync(EntityKind.Person);
        fields.Single(f => f.Key == "title").Definition.Should().Be(edited);
        fields.Single(f => f.Key == "title").FilledCount.Should().Be(4);
        fields.Single(f => f.Key == "city").Source.Should().Be("sheet");
    }
}
