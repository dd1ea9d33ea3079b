using System.Diagnostics;
using System.Globalization;
using System.Text;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.IntegrationTests;

/// <summary>
/// Kills the real command-line host in the middle of a large SQLite import, then checks that the
/// database opens, holds only whole batches, and converges to the uninterrupted result on a re-run.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const int Rows = 100_000;
    private const int BatchSize = 500;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task KilledImport_LeavesWholeBatches_AndRerunConvergesToTheUninterruptedResult()
    {
        var csv = _dir.File("people.csv");
        WritePeople(csv);
        var crashed = _dir.File("crashed.db");
        var reference = _dir.File("reference.db");

        var committedAtKill = await ImportAndKillAsync(csv, crashed);

        committedAtKill.Should().BeInRange(1, Rows - 1, "the kill must land in the middle of the import");
        IntegrityCheck(crashed).Should().Be("ok");
        var sourcesAfterCrash = await CountSourceRecordsAsync(crashed);
        (sourcesAfterCrash % BatchSize).Should().Be(0, "only whole batches may be stored");

        (await RunCliAsync("import", "csv", "--kind", "person", "--file", csv, "--source", "people", "--batch-size", "500", "--db", crashed)).Should().Be(0);
        (await RunCliAsync("import", "csv", "--kind", "person", "--file", csv, "--source", "people", "--batch-size", "500", "--db", reference)).Should().Be(0);

        var resumed = await SnapshotAsync(crashed);
        var uninterrupted = await SnapshotAsync(reference);
        resumed.Should().Equal(uninterrupted);
        resumed.Should().HaveCount(Rows - (Rows / 10), "every tenth row repeats an earlier person's email in another case");
    }

    private static void WritePeople(string path)
    {
        var text = new StringBuilder("email,linkedin_url,first_name,city,score\n");
        for (var i = 0; i < Rows; i++)
        {
            // Every tenth row is a duplicate of the row before it, so the import also merges.
            var person = i % 10 == 9 ? i - 1 : i;
            var email = i % 10 == 9 ? $"Person{person}@Example.com" : $"person{person}@example.com";
            text.Append(CultureInfo.InvariantCulture, $"{email},https://www.linkedin.com/in/p{person}/,Name{person},City{person % 97},{i}\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>
    /// Runs the import and kills it once three batches are committed. A host that exits by itself
    /// before committing anything did not start (its files can still be in use by a build running
    /// beside the tests): that attempt is retried with a fresh database, and its error reported if
    /// every attempt fails.
    /// </summary>
    private static async Task<long> ImportAndKillAsync(string csv, string db)
    {
        var errors = new StringBuilder();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            DeleteDatabase(db);
            var (committed, killed, exitCode, stderr) = await ImportOnceAsync(csv, db);
            if (killed || committed > 0 || exitCode == 0)
            {
                return committed;
            }

            errors.AppendLine(CultureInfo.InvariantCulture, $"attempt {attempt}: exit {exitCode}: {stderr}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        throw new InvalidOperationException($"The command-line host never started the import:{Environment.NewLine}{errors}");
    }

    private static async Task<(long Committed, bool Killed, int ExitCode, string Stderr)> ImportOnceAsync(string csv, string db)
    {
        var stderr = new StringBuilder();
        using var process = Start(stderr, "import", "csv", "--kind", "person", "--file", csv, "--source", "people", "--batch-size", "500", "--db", db);
        var deadline = Stopwatch.StartNew();
        long committed = 0;
        var killed = false;
        while (deadline.Elapsed < TimeSpan.FromMinutes(2) && !process.HasExited)
        {
            await Task.Delay(5);
            committed = File.Exists(db) ? TryCountCommittedRows(db) : 0;
            if (committed >= 3 * BatchSize)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }

        await process.WaitForExitAsync();
        if (!killed)
        {
            committed = File.Exists(db) ? TryCountCommittedRows(db) : 0;
        }

        lock (stderr)
        {
            return (committed, killed, process.ExitCode, stderr.ToString());
        }
    }

    private static void DeleteDatabase(string db)
    {
        foreach (var path in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Counts committed source records with one cheap read-only query, so polling never slows the
    /// import it watches; the real check after the kill goes through the store's public API.
    /// </summary>
    private static long TryCountCommittedRows(string db)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM source_records";
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException)
        {
            return 0; // The schema is still being created.
        }
    }

    private static async Task<long> CountSourceRecordsAsync(string db)
    {
        await using var services = Open(db);
        long count = 0;
        await foreach (var profile in services.GetRequiredService<IProfileStore>().ListProfilesAsync(EntityKind.Person))
        {
            count += profile.Sources.Count;
        }

        return count;
    }

    /// <summary>The SDK over the database file, as a host configures it.</summary>
    private static ServiceProvider Open(string db) =>
        new ServiceCollection().AddAudiences(b => b.UseSqlite($"Data Source={db}")).Services.BuildServiceProvider();

    private static string IntegrityCheck(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Everything that must match between the two databases, except observation and creation times.</summary>
    private static async Task<List<string>> SnapshotAsync(string db)
    {
        await using var services = Open(db);
        var lines = new List<string>();
        await foreach (var p in services.GetRequiredService<IProfileStore>().ListProfilesAsync(EntityKind.Person))
        {
            var values = string.Join(";", p.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.Value}@{v.Value.Source}"));
            var aliases = string.Join(";", p.Aliases.Select(a => a.ToString()).Order(StringComparer.Ordinal));
            var sources = string.Join(";", p.Sources.Select(s => $"{s.Key}#{s.FirstSeenVersion}/{s.LastChangedVersion}"));
            lines.Add($"{p.Id}|v{p.Version}|{values}|{aliases}|{sources}");
        }

        await foreach (var merge in services.GetRequiredService<IMergeLedger>().ListMergesAsync(EntityKind.Person))
        {
            lines.Add($"merge {merge.Version} {merge.SurvivorId}<-{merge.MergedId} {merge.Alias} {merge.CausedBy}");
        }

        return lines;
    }

    private static async Task<int> RunCliAsync(params string[] args)
    {
        using var process = Start(new StringBuilder(), args);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return process.ExitCode;
    }

    private static Process Start(StringBuilder stderr, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(RepositoryPaths.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
