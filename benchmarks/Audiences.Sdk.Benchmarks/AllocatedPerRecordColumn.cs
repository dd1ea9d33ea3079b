using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Audiences.Sdk.Benchmarks;

/// <summary>Managed bytes allocated by one operation divided by its rows (needs the memory diagnoser).</summary>
public sealed class AllocatedPerRecordColumn : IColumn
{
    public string Id => nameof(AllocatedPerRecordColumn);

    public string ColumnName => "Alloc/record";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Managed bytes allocated per row (Allocated / Rows)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var report = summary[benchmarkCase];
        var rows = RecordsPerSecondColumn.RowsOf(benchmarkCase);
        var allocated = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return allocated is { } bytes && rows is { } count
            ? (bytes / (double)count).ToString("N0", CultureInfo.InvariantCulture) + " B"
            : "-";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
