using Audiences.Sdk.DataHub;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.IntegrationTests;

/// <summary>A field edited through the Data Hub keeps its settings when imports touch the field again, on both stores.</summary>
public sealed class DataHubFieldEditTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("inmemory")]
    public async Task AnEditedField_KeepsItsSettings_ThroughAReimportAndAnotherSourceWritingIt(string store)
    {
        using var host = Host(store);
        var profiles = host.GetRequiredService<IProfileService>();
        var hub = host.GetRequiredService<IDataHubService>();
        await profiles.UpsertAsync([Person("crm", "1", "ada@home.example", "CTO"), Person("crm", "2", "bob@home.example", null)], new ImportOptions(EntityKind.Person));
        var edited = await hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit
        {
            DisplayName = "Job title", Description = "Title as the CRM holds it", CostPerRecord = 0.25m, ExportStatus = FieldExportStatus.Exported,
        });

        await profiles.UpsertAsync([Person("crm", "1", "ada@home.example", "CEO"), Person("crm", "2", "bob@home.example", "VP")], new ImportOptions(EntityKind.Person));
        await profiles.UpsertAsync([Person("sheet", "9", "zed@home.example", "COO")], new ImportOptions(EntityKind.Person));

        var title = (await hub.ListFieldsAsync(EntityKind.Person)).Single(f => f.Key == "title");
        title.Definition.Should().Be(edited);
        title.Definition.Origin.Should().Be("crm");
        title.FilledCount.Should().Be(3);
        title.RecordCount.Should().Be(3);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("inmemory")]
    public async Task AnImportThatStartedBeforeTheFieldExisted_DoesNotOverwriteItsEdit(string store)
    {
        using var host = Host(store);
        var profiles = host.GetRequiredService<IProfileService>();
        var hub = host.GetRequiredService<IDataHubService>();
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        // This import loads the catalog (no title yet), then waits for its rows.
        var late = profiles.ImportAsync(WaitingRows(started, release, Person("sheet", "9", "zed@home.example", "COO")), new ImportOptions(EntityKind.Person));
        await started.Task;
        await profiles.UpsertAsync([Person("crm", "1", "ada@home.example", "CTO")], new ImportOptions(EntityKind.Person));
        var edited = await hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { Description = "Job title", CostPerRecord = 2 });
        release.SetResult();
        (await late).Created.Should().Be(1);

        var title = (await hub.ListFieldsAsync(EntityKind.Person)).Single(f => f.Key == "title");
        title.Definition.Should().Be(edited);
        title.FilledCount.Should().Be(2);
    }

    private static async IAsyncEnumerable<SourceRow> WaitingRows(TaskCompletionSource started, TaskCompletionSource release, SourceRecord record)
    {
        started.SetResult();
        await release.Task;
        yield return SourceRow.Of(record);
    }

    [Fact]
    public async Task AnEditOnSqlite_PersistsAcrossARestart_AndClearingRemovesIt()
    {
        using (var first = Host("sqlite"))
        {
            await first.GetRequiredService<IProfileService>().UpsertAsync([Person("crm", "1", "ada@home.example", "CTO")], new ImportOptions(EntityKind.Person));
            await first.GetRequiredService<IDataHubService>().EditFieldAsync(EntityKind.Person, "title", new FieldEdit { Description = "Job title", CostPerRecord = 1.5m });
        }

        using var restarted = Host("sqlite");
        var hub = restarted.GetRequiredService<IDataHubService>();
        var title = (await hub.ListFieldsAsync(EntityKind.Person)).Single(f => f.Key == "title").Definition;
        var cleared = await hub.EditFieldAsync(EntityKind.Person, "title", new FieldEdit { ClearDescription = true, ClearCost = true });

        title.Should().Match<FieldDefinition>(f => f.Description == "Job title" && f.CostPerRecord == 1.5m);
        cleared.Should().Match<FieldDefinition>(f => f.Description == null && f.CostPerRecord == null);
        (await hub.ListFieldsAsync(EntityKind.Person)).Single(f => f.Key == "title").Definition.Should().Be(cleared);
    }

    private static SourceRecord Person(string source, string id, string email, string? title)
    {
        var values = new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText(email) };
        if (title is not null)
        {
            values["title"] = FieldValue.FromText(title);
        }

        return new SourceRecord(new SourceRecordKey(source, "people", id), EntityKind.Person, SourceKind.Crm, values);
    }

    private ServiceProvider Host(string store)
    {
        var services = new ServiceCollection();
        services.AddAudiences(b =>
        {
            if (store == "sqlite")
            {
                b.UseSqlite($"Data Source={_dir.File("audiences.db")}");
            }
            else
            {
                b.UseInMemory();
            }
        });
        return services.BuildServiceProvider();
    }
}
