using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;
using System.Globalization;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests;

/// <summary>
/// The child process of the crash test: imports people into a database file in batches, printing
/// each committed batch, until it is killed. Started as <c>dotnet exec &lt;this assembly&gt; crash-import &lt;file&gt;</c>.
/// </summary>
public static class CrashImportProgram
{
    public const string Command = "crash-import";
    public const int BatchSize = 200;
    public const int Records = 1_000_000;

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Command, var file])
        {
            return 2;
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        await using var store = StoreWorkspace.Create(b => b.UseSqlite(connectionString), options: o => o.ImportBatchSize = BatchSize);
        var service = store.Service;
        var progress = new SynchronousProgress(p => Console.Out.WriteLine($"committed {p.Read}"));
        await service.ImportAsync(Rows(), new ImportOptions(EntityKind.Person), progress);
        return 0;
    }

    /// <summary>The records the child imports; the test imports the same ones to check convergence.</summary>
    public static async IAsyncEnumerable<SourceRow> Rows(int count = Records)
    {
        for (var i = 1; i <= count; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            yield return new SourceRecord(new SourceRecordKey("crash", "rows", id), EntityKind.Person, SourceKind.Csv, new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText($"person{id}@example.com"),
                ["n"] = FieldValue.FromNumber(i),
            });
        }

        await Task.CompletedTask;
    }

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
