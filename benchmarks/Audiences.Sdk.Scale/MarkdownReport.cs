using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Audiences.Sdk.Scale;

/// <summary>Formats a <see cref="ScaleReport"/> as the Markdown tables pasted into <c>docs/performance.md</c>.</summary>
internal static class MarkdownReport
{
    public const double SqliteTargetRate = 100_000;
    public const double SqliteTargetRatio = 3;
    public const double InMemoryTargetRate = 500_000;
    public const long TargetRows = 1_000_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(ScaleReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"Runtime: .NET {Environment.Version}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, " +
            $"{Environment.ProcessorCount} logical cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; " +
            $"rows of {report.FieldBytesPerRow:F0} bytes of values ({report.CsvBytesPerRow:F0} bytes as a CSV line); seed {report.Options.Seed}.");
        output.WriteLine();
        WriteImports(report, output);
        WriteReimports(report, output);
        WriteMemory(report, output);
        WriteCsv(report, output);
        WriteBreakdowns(report, output);
        WriteTargets(report, output);
    }

    private static void WriteImports(ScaleReport report, TextWriter output)
    {
        if (report.RawInsert is not { } raw)
        {
            return;
        }

        output.WriteLine($"#### Import of {raw.Rows:N0} new people (batch size {report.Options.EffectiveBatchSize:N0})");
        output.WriteLine();
        output.WriteLine("| Case | Time (s) | Records/s | Time ÷ raw insert | Alloc/record | GC pause (s) | Gen2 GCs | On disk |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(output, raw, raw, "-");
        foreach (var (_, import, disk) in report.Imports)
        {
            Row(output, import, raw, disk is { } bytes ? $"{bytes / 1e6:N0} MB ({bytes / (double)import.Rows:N0} B/profile)" : "-");
        }

        output.WriteLine();
    }

    private static void WriteReimports(ScaleReport report, TextWriter output)
    {
        if (report.RawReinsert is not { } raw || report.Reimports.Count == 0)
        {
            return;
        }

        output.WriteLine($"#### Re-import of the same {raw.Rows:N0} people, all unchanged");
        output.WriteLine();
        output.WriteLine("| Case | Time (s) | Records/s | Time ÷ first import | Time ÷ raw insert | Alloc/record |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        output.WriteLine($"| {raw.Name} | {Seconds(raw)} | {Rate(raw)} | - | {Ratio(raw, raw)} | {Alloc(raw)} |");
        foreach (var (_, first, again) in report.Reimports)
        {
            output.WriteLine($"| {first.Name} | {Seconds(first)} | {Rate(first)} | 1.00 | {Ratio(first, raw)} | {Alloc(first)} |");
            output.WriteLine($"| {again.Name} | {Seconds(again)} | {Rate(again)} | {Ratio(again, first)} | {Ratio(again, raw)} | {Alloc(again)} |");
        }

        output.WriteLine();
    }

    private static void WriteMemory(ScaleReport report, TextWriter output)
    {
        if (report.Memory is not { } memory)
        {
            return;
        }

        output.WriteLine($"#### Memory of the in-memory store, {memory.Profiles:N0} people");
        output.WriteLine();
        output.WriteLine("| Measure | Bytes per person |");
        output.WriteLine("|---|---:|");
        output.WriteLine($"| Live heap growth of the store (GC.GetTotalMemory(true) after − before) | {memory.StoreBytesPerProfile:N0} |");
        output.WriteLine($"| of it, the source record as a source hands it over (same measure over an array of the generated records) | {memory.InputBytesPerRecord:N0} |");
        foreach (var (_, import, _) in report.Imports.Where(i => i.Store == nameof(Benchmarks.Workload.StoreKind.InMemory)))
        {
            output.WriteLine($"| Managed bytes allocated per imported person ({import.Name}, {import.Rows:N0} rows) | {import.AllocatedPerRecord:N0} |");
        }

        output.WriteLine();
    }

    private static void WriteCsv(ScaleReport report, TextWriter output)
    {
        if (report.Csv.Count == 0)
        {
            return;
        }

        var first = report.Csv[0];
        output.WriteLine($"#### CSV, {first.Read.Rows:N0} rows, {first.FileBytes / 1e6:N0} MB");
        output.WriteLine();
        output.WriteLine("| Reader | Time (s) | Rows/s | MB/s | Time ÷ reference | Alloc/row |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var csv in report.Csv)
        {
            output.WriteLine($"| {csv.Read.Name} | {Seconds(csv.Read)} | {Rate(csv.Read)} | {csv.MegabytesPerSecond.ToString("N0", Invariant)} | {Ratio(csv.Read, csv.Reference)} | {Alloc(csv.Read)} |");
        }

        output.WriteLine();
    }

    private static void WriteBreakdowns(ScaleReport report, TextWriter output)
    {
        foreach (var breakdown in report.Breakdowns)
        {
            var total = breakdown.Import.Elapsed;
            output.WriteLine($"#### Where the import time goes: {breakdown.Store}, {breakdown.Import.Rows:N0} rows, {Seconds(breakdown.Import)} s with timed store calls");
            output.WriteLine();
            output.WriteLine("| Stage | Calls | Time (s) | Share |");
            output.WriteLine("|---|---:|---:|---:|");
            foreach (var (stage, calls, time) in breakdown.Times.Stages.OrderByDescending(s => s.Time))
            {
                output.WriteLine($"| store: {stage} | {calls:N0} | {time.TotalSeconds.ToString("F2", Invariant)} | {Share(time, total)} |");
            }

            var rest = total - breakdown.Times.Total;
            output.WriteLine($"| outside the store (source, matching, survivorship, batching, GC) | - | {rest.TotalSeconds.ToString("F2", Invariant)} | {Share(rest, total)} |");
            output.WriteLine($"| GC pauses (part of the rows above) | {breakdown.Import.Gen2Collections:N0} gen2 | {breakdown.Import.GcPause.TotalSeconds.ToString("F2", Invariant)} | {Share(breakdown.Import.GcPause, total)} |");
            output.WriteLine();
        }
    }

    private static void WriteTargets(ScaleReport report, TextWriter output)
    {
        if (report.RawInsert is not { } raw)
        {
            return;
        }

        output.WriteLine("#### Targets");
        output.WriteLine();
        if (raw.Rows < TargetRows)
        {
            output.WriteLine($"- The targets are stated for {TargetRows:N0} rows; this run has {raw.Rows:N0}, so the verdicts below are indicative only.");
        }

        foreach (var (store, import, _) in report.Imports)
        {
            var line = store switch
            {
                "Sqlite" => $"- SQLite import: {Rate(import)} records/s (target ≥ {SqliteTargetRate:N0}: {Verdict(import.RecordsPerSecond >= SqliteTargetRate)}); " +
                    $"{Ratio(import, raw)} the raw insert time (target ≤ {SqliteTargetRatio:N0}×: {Verdict(import.Elapsed / raw.Elapsed <= SqliteTargetRatio)})",
                "InMemory" => $"- In-memory import: {Rate(import)} records/s (target ≥ {InMemoryTargetRate:N0}: {Verdict(import.RecordsPerSecond >= InMemoryTargetRate)})",
                _ => null,
            };
            if (line is not null)
            {
                output.WriteLine(line);
            }
        }

        output.WriteLine();
    }

    private static void Row(TextWriter output, Measurement m, Measurement raw, string disk) =>
        output.WriteLine($"| {m.Name} | {Seconds(m)} | {Rate(m)} | {Ratio(m, raw)} | {Alloc(m)} | {m.GcPause.TotalSeconds.ToString("F2", Invariant)} | {m.Gen2Collections} | {disk} |");

    private static string Seconds(Measurement m) => m.Elapsed.TotalSeconds.ToString("F2", Invariant);

    private static string Rate(Measurement m) => m.RecordsPerSecond.ToString("N0", Invariant);

    private static string Alloc(Measurement m) => m.AllocatedPerRecord.ToString("N0", Invariant) + " B";

    private static string Ratio(Measurement m, Measurement reference) => (m.Elapsed / reference.Elapsed).ToString("F2", Invariant) + "×";

    private static string Share(TimeSpan part, TimeSpan total) => (part / total).ToString("P0", Invariant);

    private static string Verdict(bool met) => met ? "met" : "**missed**";
}
