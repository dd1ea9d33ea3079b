using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Audiences.Sdk.Scale;

/// <summary>
/// Formats a <see cref="BulkReport"/> as Markdown: one row per target of the bulk work (measured, reference,
/// verdict), then the detail tables the targets are read from.
/// </summary>
internal static class BulkMarkdown
{
    public const long TargetRows = 1_000_000;
    public const double ImportRatioTarget = 4;
    public const double ImportRateTarget = 100_000;
    public const double DatabaseRatioTarget = 2.5;
    public const long WalTargetBytes = 256L * 1024 * 1024;
    public const double CountRatioTarget = 1.2;
    public const double ReimportSpeedupTarget = 3;
    public const double MemoryBytesTarget = 600;
    public const double MemoryRateTarget = 500_000;
    public static readonly TimeSpan FirstFilterTarget = TimeSpan.FromMilliseconds(200);
    public const double DuckDbSpeedupTarget = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(BulkReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var file = report.File;
        output.WriteLine(string.Create(Invariant, $"Runtime: .NET {Environment.Version}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, " +
            $"{Environment.ProcessorCount} logical cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; sqlite3 {report.SqliteCliVersion.Split(' ')[0]}; " +
            $"seed {report.Seed}; {DateTime.UtcNow:yyyy-MM-dd}."));
        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"Workload: {file.Rows:N0} rows, {MB(file.Bytes)} CSV ({(double)file.Bytes / file.Rows:N0} B per row), ten columns, " +
            $"{file.Repeats:N0} rows ({100.0 * file.Repeats / file.Rows:0.#}%) repeating an earlier row's email, so {file.People:N0} people."));
        output.WriteLine();
        WriteTargets(report, output);
        WriteImports(report, output);
        WriteSizes(report, output);
        WriteCounts(report, output);
        WriteMemory(report, output);
    }

    private static void WriteTargets(BulkReport r, TextWriter output)
    {
        var s = r.Sqlite;
        var m = r.InMemory;
        var importRatio = s.Import.Elapsed / r.CliImport;
        var databaseRatio = (double)s.DatabaseBytes / r.File.Bytes;
        var countRatio = s.Count.Median / r.WideCount.Median;
        var reimportSpeedup = s.Import.Elapsed / s.Reimport.Elapsed;
        var bytes = m.StoreBytesAfterFilterPerProfile;
        var duckSpeedup = r.DuckDbCount.Median / m.Count.Median;

        output.WriteLine(string.Create(Invariant, $"#### Targets ({r.File.Rows:N0} rows)"));
        output.WriteLine();
        if (r.File.Rows < TargetRows)
        {
            output.WriteLine(string.Create(Invariant, $"The targets are stated for {TargetRows:N0} people; this run has {r.File.Rows:N0} rows, so the verdicts are indicative only."));
            output.WriteLine();
        }

        output.WriteLine("| target | measured | reference | verdict |");
        output.WriteLine("|---|---:|---:|---|");
        Target(output, string.Create(Invariant, $"SQLite: import + match of the file within {ImportRatioTarget:0}× of `sqlite3 .import`"),
            string.Create(Invariant, $"{Seconds(s.Import.Elapsed)} s ({importRatio:0.0}×)"), string.Create(Invariant, $"{Seconds(r.CliImport)} s"), importRatio <= ImportRatioTarget);
        Target(output, string.Create(Invariant, $"SQLite: at least {ImportRateTarget:N0} records/s"),
            string.Create(Invariant, $"{s.Import.RecordsPerSecond:N0} records/s"), string.Create(Invariant, $"{r.CliRowsPerSecond:N0} rows/s"), s.Import.RecordsPerSecond >= ImportRateTarget);
        Target(output, string.Create(Invariant, $"SQLite: database file at most {DatabaseRatioTarget}× the CSV after the import"),
            string.Create(Invariant, $"{MB(s.DatabaseBytes)} ({databaseRatio:0.00}×)"), string.Create(Invariant, $"CSV {MB(r.File.Bytes)}"), databaseRatio <= DatabaseRatioTarget);
        Target(output, string.Create(Invariant, $"SQLite: write-ahead log never above {WalTargetBytes / 1024 / 1024} MB during the import"),
            string.Create(Invariant, $"{MB(s.WalPeakBytes)} peak"), string.Create(Invariant, $"{WalTargetBytes / 1024 / 1024} MB (MiB)"), s.WalPeakBytes <= WalTargetBytes);
        Target(output, string.Create(Invariant, $"SQLite: three-condition count within {CountRatioTarget}× of hand-written SQL over a wide table"),
            string.Create(Invariant, $"{Ms(s.Count.Median)} ({countRatio:0.00}×)"), string.Create(Invariant, $"{Ms(r.WideCount.Median)}"), countRatio <= CountRatioTarget);
        Target(output, string.Create(Invariant, $"SQLite: unchanged re-import at least {ReimportSpeedupTarget:0}× faster than the first import"),
            string.Create(Invariant, $"{Seconds(s.Reimport.Elapsed)} s ({reimportSpeedup:0.00}× faster)"), string.Create(Invariant, $"first import {Seconds(s.Import.Elapsed)} s"), reimportSpeedup >= ReimportSpeedupTarget);
        Target(output, string.Create(Invariant, $"In-memory: at most {MemoryBytesTarget:0} bytes per ten-field person"),
            string.Create(Invariant, $"{bytes:N0} B"), string.Create(Invariant, $"CSV {(double)r.File.Bytes / r.File.Rows:N0} B per row"), bytes <= MemoryBytesTarget);
        Target(output, string.Create(Invariant, $"In-memory: import at least {MemoryRateTarget:N0} records/s"),
            string.Create(Invariant, $"{m.RowsImport.RecordsPerSecond:N0} records/s (rows read beforehand); {m.FileImport.RecordsPerSecond:N0} from the file"), "-",
            m.RowsImport.RecordsPerSecond >= MemoryRateTarget);
        Target(output, string.Create(Invariant, $"In-memory: first filter after the import under {FirstFilterTarget.TotalMilliseconds:0} ms"),
            Ms(m.Count.First), string.Create(Invariant, $"warm count {Ms(m.Count.Median)}"), m.Count.First < FirstFilterTarget);
        Target(output, string.Create(Invariant, $"In-memory: three-condition count at least {DuckDbSpeedupTarget:0}× faster than DuckDB"),
            string.Create(Invariant, $"{Ms(m.Count.Median)} ({duckSpeedup:0.0}× faster)"), Ms(r.DuckDbCount.Median), duckSpeedup >= DuckDbSpeedupTarget);
        output.WriteLine("| No specification suite, differential or crash-recovery test weakened; a database of the previous layout is migrated (tested) | not measured here | - | see the tests |");
        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"Counts are the median of {CountFigure.Runs} calls after one warm-up. Bytes per person: live heap growth over the import and the first filter, divided by the people (profiles); " +
            $"the in-memory import rate of the target is the store's own (rows read from the file beforehand). Sizes in MB are 10⁶ bytes; the log limit is 256 MiB."));
        output.WriteLine();
    }

    private static void WriteImports(BulkReport r, TextWriter output)
    {
        var s = r.Sqlite;
        var m = r.InMemory;
        output.WriteLine(string.Create(Invariant, $"#### Imports of the {r.File.Rows:N0}-row file"));
        output.WriteLine();
        output.WriteLine("| case | time (s) | records/s | ÷ sqlite3 .import | alloc/record | GC pause (s) | created | updated | unchanged |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(string.Create(Invariant, $"| sqlite3 .import into a fresh file (reference) | {Seconds(r.CliImport)} | {r.CliRowsPerSecond:N0} | 1.00× | - | - | - | - | - |"));
        Row(s.Import, s.ImportResult);
        Row(s.Reimport, s.ReimportResult);
        Row(m.FileImport, null);
        Row(m.RowsImport, null);
        output.WriteLine();

        void Row(Measurement x, Audiences.Sdk.Import.ImportResult? result) => output.WriteLine(string.Create(Invariant,
            $"| {x.Name} | {Seconds(x.Elapsed)} | {x.RecordsPerSecond:N0} | {x.Elapsed / r.CliImport:0.0}× | {x.AllocatedPerRecord:N0} B | {x.GcPause.TotalSeconds:0.00} | " +
            $"{(result is null ? "-" : result.Created.ToString("N0", Invariant))} | {(result is null ? "-" : result.Updated.ToString("N0", Invariant))} | " +
            $"{(result is null ? "-" : result.Unchanged.ToString("N0", Invariant))} |"));
    }

    private static void WriteSizes(BulkReport r, TextWriter output)
    {
        var s = r.Sqlite;
        output.WriteLine("#### On disk");
        output.WriteLine();
        output.WriteLine("| file | size | ÷ CSV | per person |");
        output.WriteLine("|---|---:|---:|---:|");
        Size("the CSV file", r.File.Bytes);
        Size("sqlite3 .import database (one text column per CSV column, every row, no index)", r.CliDatabaseBytes);
        Size($"wide table (reference: typed columns, merged people, indexes {WideTableReference.Indexes})", r.WideDatabaseBytes);
        Size("SQLite store database after the import, store closed", s.DatabaseBytes);
        Size(string.Create(Invariant, $"its write-ahead log, largest during the import ({s.WalSamples:N0} samples, every {WalMonitor.Interval.TotalMilliseconds:0} ms and at the end)"), s.WalPeakBytes);
        Size("its write-ahead log, largest during the unchanged re-import", s.ReimportWalPeakBytes);
        Size("its write-ahead log left after the store was closed", s.WalAfterCloseBytes);
        output.WriteLine();

        void Size(string name, long bytes) => output.WriteLine(string.Create(Invariant, $"| {name} | {MB(bytes)} | {(double)bytes / r.File.Bytes:0.00}× | {(double)bytes / r.File.People:N0} B |"));
    }

    private static void WriteCounts(BulkReport r, TextWriter output)
    {
        output.WriteLine(string.Create(Invariant, $"#### Three-condition count over {r.File.People:N0} people ({r.WideCount.Count:N0} match)"));
        output.WriteLine();
        output.WriteLine(string.Create(Invariant, $"Filter: `{BulkFilter.Text}`. Wide table: `{BulkFilter.WideTableSql}`; plan: {r.WidePlan}. DuckDB: `{BulkFilter.DuckDbSql}`."));
        output.WriteLine();
        output.WriteLine("| case | first call (ms) | median (ms) | fastest – slowest (ms) | ÷ reference |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        Row(r.WideCount, r.WideCount);
        Row(r.WideScan, r.WideCount);
        Row(r.Sqlite.Count, r.WideCount);
        Row(r.DuckDbCount, r.DuckDbCount);
        Row(r.InMemory.Count, r.DuckDbCount);
        output.WriteLine();
        output.WriteLine("The SQLite store's first call is on the store opened again after the import (a new host); the in-memory store's is the first filter right after its import.");
        output.WriteLine();

        void Row(CountFigure x, CountFigure reference) => output.WriteLine(string.Create(Invariant,
            $"| {x.Name} | {x.First.TotalMilliseconds:N1} | {x.Median.TotalMilliseconds:N2} | {x.Fastest.TotalMilliseconds:N2} – {x.Slowest.TotalMilliseconds:N2} | {x.Median / reference.Median:0.00}× |"));
    }

    private static void WriteMemory(BulkReport r, TextWriter output)
    {
        var m = r.InMemory;
        output.WriteLine(string.Create(Invariant, $"#### In-memory store: {m.Profiles:N0} people from {r.File.Rows:N0} rows"));
        output.WriteLine();
        output.WriteLine("| measure (GC.GetTotalMemory(true) growth from the empty store) | bytes | per row | per person |");
        output.WriteLine("|---|---:|---:|---:|");
        Row("after the import", m.StoreBytes);
        Row("after the first filter and the counts", m.StoreBytesAfterFilter);
        output.WriteLine();

        void Row(string name, long bytes) => output.WriteLine(string.Create(Invariant, $"| {name} | {MB(bytes)} | {(double)bytes / r.File.Rows:N0} | {(double)bytes / m.Profiles:N0} |"));
    }

    private static void Target(TextWriter output, string target, string measured, string reference, bool met) =>
        output.WriteLine($"| {target} | {measured} | {reference} | {(met ? "met" : "**missed**")} |");

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", Invariant);

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "0.00" : "#,##0.0", Invariant) + " ms";

    private static string MB(long bytes) => (bytes / 1e6).ToString(bytes < 10_000_000 ? "0.0" : "N0", Invariant) + " MB";
}
