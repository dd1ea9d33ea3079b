using System.Globalization;
using Audiences.Samples.Worker.Hosting;
using Audiences.Sdk;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>The worker runs the store's exports on their intervals, with membership refreshed first, and logs each run.</summary>
public sealed class ExportRunTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new();

    public ExportRunTests()
    {
        App = new AppDatabase(Path.Combine(_workspace.Folder, "app.db"));
    }

    private AppDatabase App { get; }

    private string CsvPath => Path.Combine(_workspace.Folder, "leads.csv");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_recurring_csv_export_runs_at_start_on_current_membership_and_after_its_interval_sends_only_the_changed_record()
    {
        var audience = await DefineAsync(("ada@example.com", "Ada", "CTO"), ("bob@example.com", "Bob", "Analyst"));
        await SaveAsync(CsvExport("leads-file", audience));
        await WithServicesAsync(services => services.GetRequiredService<IProfileService>().UpsertAsync(
            [Person("3", "cy@example.com", "Cy", "Designer")], new ImportOptions(EntityKind.Person)));
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var first = await worker.Logs.WaitForAsync(Ran("leads-file", 1));

        first.Level.Should().Be(LogLevel.Information);
        first["Status"].Should().Be(nameof(ExportRunStatus.Completed));
        first["Mode"].Should().Be("full");
        first["Sent"].Should().Be("3", "Cy, stored after the audience was created with no refresh since, joined it in the export run's own refresh");
        first["Succeeded"].Should().Be("3");
        first["Created"].Should().Be("3");
        first["Failed"].Should().Be("0");
        (await File.ReadAllLinesAsync(CsvPath)).Should().Equal(
            "email,first_name,title", "ada@example.com,Ada,CTO", "bob@example.com,Bob,Analyst", "cy@example.com,Cy,Designer");

        await worker.Services.GetRequiredService<IProfileService>().UpsertAsync([Person("2", "bob@example.com", "Bob", "Head of Data")], new ImportOptions(EntityKind.Person));
        _workspace.Clock.Advance(TimeSpan.FromDays(1));
        var second = await worker.AdvanceUntilAsync(Ran("leads-file", 2));

        second["Mode"].Should().Be("incremental");
        second["Sent"].Should().Be("1", "only Bob changed since the first run");
        second["Updated"].Should().Be("1");
        second["Created"].Should().Be("0");
        second["Failed"].Should().Be("0");
        (await File.ReadAllLinesAsync(CsvPath)).Should().Equal(
            "email,first_name,title", "ada@example.com,Ada,CTO", "bob@example.com,Bob,Head of Data", "cy@example.com,Cy,Designer");
        var runs = await worker.Services.GetRequiredService<IExportService>().ListRunsAsync("leads-file");
        runs.Should().HaveCount(2).And.OnlyContain(r => r.Trigger == ExportTrigger.Schedule);
        worker.WorkerTask.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task A_record_the_destination_refuses_is_logged_at_warning_level_with_its_reason_and_sent_again_once_it_changes()
    {
        await App.CreateAsync();
        var audience = await DefineAsync(("ada@example.com", "Ada", "CTO"), ("bob@example.com", "Bob", "Chief Executive Officer"));
        await SaveAsync(SqlExport("app-users", audience));
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var first = await worker.Logs.WaitForAsync(Ran("app-users", 1));
        var reason = await worker.Logs.WaitForAsync(e => e.EventId.Id == WorkerEvents.ExportRecordFailed && e["Export"] == "app-users");

        first["Status"].Should().Be(nameof(ExportRunStatus.Completed), "a record the destination refuses fails alone");
        first["Sent"].Should().Be("2", first.Message);
        first["Succeeded"].Should().Be("1");
        first["Failed"].Should().Be("1");
        first["Created"].Should().Be("1");
        reason.Level.Should().Be(LogLevel.Warning);
        reason["Key"].Should().Be("bob@example.com");
        reason["Reason"].Should().Contain("users").And.Contain("CHECK", reason.Message);
        worker.Logs.Events(WorkerEvents.MoreExportFailures).Should().BeEmpty();
        (await App.ReadAsync()).Keys.Should().Equal("ada@example.com");

        await worker.Services.GetRequiredService<IProfileService>().UpsertAsync([Person("2", "bob@example.com", "Bob", "CEO")], new ImportOptions(EntityKind.Person));
        _workspace.Clock.Advance(TimeSpan.FromDays(1));
        var second = await worker.AdvanceUntilAsync(Ran("app-users", 2));

        second["Mode"].Should().Be("incremental");
        second["Sent"].Should().Be("1", second.Message);
        second["Created"].Should().Be("1");
        second["Failed"].Should().Be("0");
        (await App.ReadAsync()).Should().Contain("bob@example.com", ("Bob", "CEO"));
        worker.Logs.Events(WorkerEvents.ExportRecordFailed).Should().ContainSingle();
        worker.WorkerTask.IsCompleted.Should().BeFalse("a record that failed never ends the worker");
    }

    [Fact]
    public async Task More_than_five_failed_records_are_reported_five_and_the_rest_counted()
    {
        await App.CreateAsync();
        var audience = await DefineAsync([.. Enumerable.Range(1, 7).Select(i => ($"p{i}@example.com", $"P{i}", "Chief Executive Officer"))]);
        await SaveAsync(SqlExport("app-users", audience));
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var first = await worker.Logs.WaitForAsync(Ran("app-users", 1));
        var more = await worker.Logs.WaitForAsync(e => e.EventId.Id == WorkerEvents.MoreExportFailures);

        first["Failed"].Should().Be("7", first.Message);
        worker.Logs.Events(WorkerEvents.ExportRecordFailed).Should().HaveCount(RunFollowUp.ReportedReasons)
            .And.OnlyContain(e => e.Level == LogLevel.Warning && e["Reason"]!.Contains("CHECK"));
        more.Level.Should().Be(LogLevel.Warning);
        more["More"].Should().Be("2");
    }

    [Fact]
    public async Task A_run_that_fails_outright_is_logged_at_warning_level_the_exports_after_it_still_run_and_stopping_stays_clean()
    {
        await App.CreateAsync();
        var audience = await DefineAsync(("ada@example.com", "Ada", "CTO"));
        await SaveAsync(SqlExport("a-users", audience));
        await SaveAsync(CsvExport("b-file", audience));
        await App.DropAsync();
        var worker = await RunningWorker.StartAsync(_workspace);

        // The clock does not move: the export due after the failed one runs in the same pass.
        var failed = await worker.Logs.WaitForAsync(e => e.EventId.Id == WorkerEvents.ExportFailed && e["Export"] == "a-users");
        var ran = await worker.Logs.WaitForAsync(Ran("b-file", 2));

        failed.Level.Should().Be(LogLevel.Warning);
        failed["Reason"].Should().Contain("users", failed.Message);
        ran["Status"].Should().Be(nameof(ExportRunStatus.Completed));
        ran["Created"].Should().Be("1");
        var runs = await worker.Services.GetRequiredService<IExportService>().ListRunsAsync("a-users");
        runs.Should().ContainSingle().Which.Status.Should().Be(ExportRunStatus.Failed);
        worker.WorkerTask.IsCompleted.Should().BeFalse("a failed export run never ends the worker");

        await worker.StopAsync();

        worker.WorkerTask.IsCompletedSuccessfully.Should().BeTrue();
        worker.Logs.Events(WorkerEvents.Stopping).Should().ContainSingle();
        worker.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty();
        worker.Logs.Entries.Should().NotContain(e => e.Category.EndsWith("ExportScheduler", StringComparison.Ordinal), "the worker hands the failed run on as a run");
        await worker.DisposeAsync();
    }

    private static Func<LogEntry, bool> Ran(string export, long runId) =>
        e => e.EventId.Id is WorkerEvents.ExportRan or WorkerEvents.ExportFailed
            && e["Export"] == export
            && e["RunId"] == runId.ToString(CultureInfo.InvariantCulture);

    private ExportDefinition CsvExport(string name, long audience) =>
        new(name, EntityKind.Person, new DestinationSettings("csv", new Dictionary<string, string>
        {
            ["path"] = CsvPath,
            ["key-column"] = "email",
            ["columns"] = "email,first_name,title",
        }))
        {
            Audience = audience,
            CreateNew = true,
            Mappings = Always(("email", "email"), ("first_name", "first_name"), ("title", "title")),
            Every = TimeSpan.FromDays(1),
        };

    private ExportDefinition SqlExport(string name, long audience) =>
        new(name, EntityKind.Person, new DestinationSettings("sql", new Dictionary<string, string>
        {
            ["provider"] = "sqlite",
            ["connection"] = App.ConnectionString,
            ["table"] = "users",
            ["key-column"] = "email",
        }))
        {
            Audience = audience,
            CreateNew = true,
            Mappings = Always(("first_name", "first_name"), ("title", "title")),
            Every = TimeSpan.FromDays(1),
        };

    private static IReadOnlyList<ExportMapping> Always(params (string Field, string DestinationField)[] mappings) =>
        [.. mappings.Select(m => new ExportMapping(m.Field, m.DestinationField) { Rule = WriteRule.Always })];

    /// <summary>Before the worker starts: the people, and an audience of everyone (its members as of its creation). Returns the audience.</summary>
    private async Task<long> DefineAsync(params (string Email, string FirstName, string Title)[] people)
    {
        long id = 0;
        await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<IProfileService>().UpsertAsync(
                [.. people.Select((p, i) => Person((i + 1).ToString(CultureInfo.InvariantCulture), p.Email, p.FirstName, p.Title))],
                new ImportOptions(EntityKind.Person));
            var created = await services.GetRequiredService<IAudienceService>().CreateAsync(
                new AudienceDefinition("Everyone", EntityKind.Person, "tests") { Status = AudienceStatus.Active }, "first_name is not empty");
            id = created.Id;
        });
        return id;
    }

    private Task SaveAsync(ExportDefinition definition) =>
        WithServicesAsync(services => services.GetRequiredService<IExportService>().SaveAsync(definition));

    /// <summary>Works on the store through a host built as the worker's, never started, as another process sharing the database would.</summary>
    private async Task WithServicesAsync(Func<IServiceProvider, Task> work)
    {
        using var host = _workspace.CreateBuilder(new LogCapture()).Build();
        await work(host.Services);
    }

    private static SourceRecord Person(string id, string email, string firstName, string title) =>
        new(new SourceRecordKey("crm", "contacts", id), EntityKind.Person, SourceKind.Crm, new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText(email),
            ["first_name"] = FieldValue.FromText(firstName),
            ["title"] = FieldValue.FromText(title),
        })
        {
            ObservedAt = WorkerWorkspace.Start.AddDays(-1),
        };
}
