using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;
using System.Diagnostics;
using System.Globalization;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Tests;

public sealed class SqliteProfileStoreCrashTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Kill_DuringAnImport_LeavesWholeBatchesAndARerunConverges()
    {
        var file = _directory.File("crash.db");
        var committed = await RunChildUntilKilledAsync(file, batchesBeforeKill: 3);

        await using var store = StoreWorkspace.Create(
            b => b.UseSqlite(_directory.ConnectionString("crash.db")), options: o => o.ImportBatchSize = CrashImportProgram.BatchSize);
        var count = await store.Profiles.CountProfilesAsync(EntityKind.Person);

        count.Should().BeGreaterThanOrEqualTo(committed, "every batch reported as committed survives the kill");
        (count % CrashImportProgram.BatchSize).Should().Be(0, "a batch is stored whole or not at all");
        (await store.Changes.GetLastVersionAsync()).Should().Be(count, "each created profile took one version");

        var rerun = (int)count + (2 * CrashImportProgram.BatchSize);
        var service = store.Service;
        var result = await service.ImportAsync(CrashImportProgram.Rows(rerun), new ImportOptions(EntityKind.Person));

        result.Unchanged.Should().Be(count);
        result.Created.Should().Be(rerun - count);
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(rerun);
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Starts the importing child, waits for some committed batches, then kills it (SIGKILL on Unix).</summary>
    private static async Task<long> RunChildUntilKilledAsync(string file, int batchesBeforeKill)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", typeof(CrashImportProgram).Assembly.Location, CrashImportProgram.Command, file })
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start)!;
        long committed = 0;
        try
        {
            while (committed < batchesBeforeKill * CrashImportProgram.BatchSize)
            {
                var line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                if (line is null)
                {
                    throw new InvalidOperationException($"The import process ended early: {await child.StandardError.ReadToEndAsync()}");
                }

                committed = long.Parse(line["committed ".Length..], CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        return committed;
    }
}
