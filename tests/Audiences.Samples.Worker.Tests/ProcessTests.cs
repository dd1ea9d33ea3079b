namespace Audiences.Samples.Worker.Tests;

/// <summary>The built program as its own process: it stops cleanly on SIGTERM and refuses bad configuration.</summary>
public sealed class ProcessTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [UnixFact]
    public async Task The_program_stops_on_SIGTERM_with_exit_code_0()
    {
        await _workspace.Warehouse.CreateAsync();
        await _workspace.Warehouse.PutAsync(1, "ada@example.com", "Ada", "CTO", DateTimeOffset.UtcNow.AddHours(-1));
        using var worker = WorkerProcess.Start(_workspace.Folder, ContactsSync());
        await worker.WaitForOutputAsync("Sync contacts: full run 1 succeeded");

        await worker.TerminateAsync();
        var code = await worker.WaitForExitAsync();

        code.Should().Be(0, worker.Error);
        worker.Output.Should().Contain("The sync worker is stopping.");
        worker.Error.Should().BeEmpty();
        File.Exists(Path.Combine(_workspace.Folder, "audiences.db")).Should().BeTrue();
    }

    [Fact]
    public async Task The_program_refuses_bad_configuration_with_exit_code_1_and_the_messages()
    {
        using var worker = WorkerProcess.Start(
            _workspace.Folder,
            "--Audiences:Syncs:0:Name=contacts",
            "--Audiences:Syncs:0:SourceType=ftp",
            "--Audiences:Syncs:0:IdField=id",
            "--Audiences:Syncs:0:Schedule:Every=soon");

        var code = await worker.WaitForExitAsync();

        code.Should().Be(1);
        worker.Error.Should().StartWith("error: the configuration was refused:")
            .And.Contain("Audiences:Syncs:0:SourceType is 'ftp', which is no source type this worker registers; use one of sql, csv")
            .And.Contain("Audiences:Syncs:0:Schedule:Every is 'soon', which is no duration");
        File.Exists(Path.Combine(_workspace.Folder, "audiences.db")).Should().BeFalse();
    }

    /// <summary>The contacts sync as command-line configuration; its first run reads in full, a full read being due once a day.</summary>
    private string[] ContactsSync() =>
    [
        "--Audiences:Syncs:0:Name=contacts",
        "--Audiences:Syncs:0:SourceType=sql",
        "--Audiences:Syncs:0:Settings:provider=sqlite",
        $"--Audiences:Syncs:0:Settings:connection={_workspace.Warehouse.ConnectionString}",
        "--Audiences:Syncs:0:Settings:query=SELECT id, email, first_name, job_title, updated_at FROM contacts",
        "--Audiences:Syncs:0:IdField=id",
        "--Audiences:Syncs:0:TimestampField=updated_at",
        "--Audiences:Syncs:0:Schedule:Every=15m",
        "--Audiences:Syncs:0:Schedule:FullEvery=1d",
    ];
}
