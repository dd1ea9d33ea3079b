using Audiences.Samples.Worker.Hosting;
using Audiences.Sdk;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>The worker runs the store's signals on their recurrence with the sample provider, and logs each run.</summary>
public sealed class SignalRunTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_recurring_signal_runs_at_start_fires_and_runs_again_after_its_recurrence_without_firing_again()
    {
        var (signal, companion) = await DefineAsync("job-moves", "sample-job-change");
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var first = await worker.Logs.WaitForAsync(Ran("job-moves", 1));

        first["Status"].Should().Be(nameof(SignalRunStatus.Completed));
        first["CheckedRecords"].Should().Be("2", first.Message);
        first["Fired"].Should().Be("1", "Ada's records disagree on her title; Bob's agree");
        first["Failed"].Should().Be("0");
        first["Credits"].Should().Be("2");
        var profiles = worker.Services.GetRequiredService<IProfileService>();
        var ada = await profiles.FindProfileAsync(EntityKind.Person, "email", "ada@example.com");
        ada![signal.Field].IsEmpty.Should().BeFalse();
        ada[signal.DetailsField].ToString().Should().Contain("Engineer").And.Contain("CTO");
        ada[SignalFields.Summary].ToString().Should().Contain("job-moves");
        var bob = await profiles.FindProfileAsync(EntityKind.Person, "email", "bob@example.com");
        bob![signal.Field].IsEmpty.Should().BeTrue();
        var audiences = worker.Services.GetRequiredService<IAudienceService>();
        (await audiences.CountAsync(companion)).Should().Be(1, "the signal refreshes membership after a run that fired");

        _workspace.Clock.Advance(TimeSpan.FromDays(1));
        var second = await worker.AdvanceUntilAsync(Ran("job-moves", 2));

        second["CheckedRecords"].Should().Be("2", second.Message);
        second["Fired"].Should().Be("0", "Ada's job change was found by the first run, and nothing changed since");
        second["Failed"].Should().Be("0");
        (await audiences.CountAsync(companion)).Should().Be(1);
        var runs = await worker.Services.GetRequiredService<ISignalService>().ListRunsAsync("job-moves");
        runs.Should().HaveCount(2).And.OnlyContain(r => r.Trigger == SignalTrigger.Schedule);
        worker.WorkerTask.IsCompleted.Should().BeFalse();
    }

    [Fact]
    public async Task A_signal_whose_provider_fails_for_some_records_is_logged_at_warning_level_and_the_loop_goes_on()
    {
        _workspace.ConfigureServices = services => services.AddSingleton<ISignalProvider>(new HalfFailingSignalProvider());
        await DefineAsync("flaky", "half-failing-job-change");
        var worker = await RunningWorker.StartAsync(_workspace);

        var first = await worker.Logs.WaitForAsync(Ran("flaky", 1));
        var reason = await worker.Logs.WaitForAsync(e => e.EventId.Id == WorkerEvents.SignalError && e["Signal"] == "flaky");

        first["CheckedRecords"].Should().Be("1", first.Message);
        first["Failed"].Should().Be("1");
        reason.Level.Should().Be(LogLevel.Warning);
        reason.Message.Should().Contain("the service has no data on this person");

        _workspace.Clock.Advance(TimeSpan.FromDays(1));
        var second = await worker.AdvanceUntilAsync(Ran("flaky", 2));

        second["CheckedRecords"].Should().Be("1", "Ada was checked up to the first run and is checked again from there");
        second["Failed"].Should().Be("1", "Bob, whose check failed, is asked about again");
        worker.Logs.Events(WorkerEvents.SignalError).Should().HaveCount(2);

        await worker.StopAsync();

        worker.WorkerTask.IsCompletedSuccessfully.Should().BeTrue();
        worker.Logs.Events(WorkerEvents.Stopping).Should().ContainSingle();
        worker.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty();
        await worker.DisposeAsync();
    }

    [Fact]
    public async Task A_signal_run_that_fails_outright_does_not_stop_the_loop_and_the_other_signals_run()
    {
        await DefineAsync("job-moves", "sample-job-change");
        var audience = await DefineAudienceAsync("Watched");
        await WithServicesAsync(services => services.GetRequiredService<ISignalService>().SaveAsync(
            new SignalDefinition("gone", EntityKind.Person, SignalType.JobChange, "sample-job-change", [audience]) { Every = TimeSpan.FromDays(1) }));
        await WithServicesAsync(services => services.GetRequiredService<IAudienceService>().DeleteAsync(audience));
        await using var worker = await RunningWorker.StartAsync(_workspace);

        var ran = await worker.AdvanceUntilAsync(e => e.EventId.Id == WorkerEvents.SignalRan && e["Signal"] == "job-moves");

        ran["Fired"].Should().Be("1");
        var runs = await worker.Services.GetRequiredService<ISignalService>().ListRunsAsync("gone");
        runs.Should().ContainSingle().Which.Status.Should().Be(SignalRunStatus.Failed);
        worker.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Warning && e["Signal"] == "gone" && e.Message.Contains("failed"));
        worker.Logs.Entries.Where(e => e.Level >= LogLevel.Error).Should().BeEmpty();
        worker.WorkerTask.IsCompleted.Should().BeFalse("a failed signal run never ends the worker");
    }

    private static Func<LogEntry, bool> Ran(string signal, long runId) =>
        e => e.EventId.Id is WorkerEvents.SignalRan or WorkerEvents.SignalFailed
            && e["Signal"] == signal
            && e["RunId"] == runId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Before the worker starts: Ada, whose CRM said Engineer and whose warehouse now says CTO, and Bob, whose two records
    /// agree; an audience of both, and a signal watching it every day. Returns the signal and its companion audience.
    /// </summary>
    private async Task<(SignalDefinition Signal, long Companion)> DefineAsync(string name, string provider)
    {
        SignalDefinition? saved = null;
        await WithServicesAsync(async services =>
        {
            var profiles = services.GetRequiredService<IProfileService>();
            await profiles.UpsertAsync(
                [
                    Person("crm", "1", "ada@example.com", "Ada", "Engineer", WorkerWorkspace.Start.AddDays(-20)),
                    Person("warehouse", "1", "ada@example.com", "Ada", "CTO", WorkerWorkspace.Start.AddDays(-2)),
                    Person("crm", "2", "bob@example.com", "Bob", "Analyst", WorkerWorkspace.Start.AddDays(-20)),
                    Person("warehouse", "2", "bob@example.com", "Bob", "analyst", WorkerWorkspace.Start.AddDays(-2)),
                ],
                new ImportOptions(EntityKind.Person));
            var audience = await services.GetRequiredService<IAudienceService>().CreateAsync(
                    new AudienceDefinition("Everyone", EntityKind.Person, "tests") { Status = AudienceStatus.Active }, "first_name is not empty");
            await services.GetRequiredService<IAudienceService>().RefreshMembershipAsync();
            saved = await services.GetRequiredService<ISignalService>().SaveAsync(
                new SignalDefinition(name, EntityKind.Person, SignalType.JobChange, provider, [audience.Id]) { Every = TimeSpan.FromDays(1) });
        });
        return (saved!, saved!.Companions.Should().ContainSingle().Subject.Companion);
    }

    private async Task<long> DefineAudienceAsync(string name)
    {
        long id = 0;
        await WithServicesAsync(async services =>
        {
            var created = await services.GetRequiredService<IAudienceService>().CreateAsync(
                new AudienceDefinition(name, EntityKind.Person, "tests") { Status = AudienceStatus.Active }, "first_name = 'Ada'");
            id = created.Id;
        });
        return id;
    }

    /// <summary>Works on the store through a host built as the worker's, never started, as another process sharing the database would.</summary>
    private async Task WithServicesAsync(Func<IServiceProvider, Task> work)
    {
        using var host = _workspace.CreateBuilder(new LogCapture()).Build();
        await work(host.Services);
    }

    private static SourceRecord Person(string source, string id, string email, string firstName, string title, DateTimeOffset observedAt) =>
        new(new SourceRecordKey(source, "contacts", id), EntityKind.Person, source == "crm" ? SourceKind.Crm : SourceKind.Warehouse, new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText(email),
            ["first_name"] = FieldValue.FromText(firstName),
            ["title"] = FieldValue.FromText(title),
        })
        {
            ObservedAt = observedAt,
        };
}
