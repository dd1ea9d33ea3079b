using System.Diagnostics;

namespace Audiences.Sdk.Scale;

/// <summary>One timed run of a workload: wall time, managed allocations and GC activity.</summary>
/// <param name="Name">What ran.</param>
/// <param name="Rows">The rows it processed.</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="AllocatedBytes">Managed bytes allocated on every thread while it ran.</param>
/// <param name="GcPause">Time the runtime was paused for garbage collection while it ran.</param>
/// <param name="Gen2Collections">Full collections while it ran.</param>
internal sealed record Measurement(string Name, long Rows, TimeSpan Elapsed, long AllocatedBytes, TimeSpan GcPause, int Gen2Collections)
{
    public double RecordsPerSecond => Rows / Elapsed.TotalSeconds;

    public double AllocatedPerRecord => (double)AllocatedBytes / Rows;

    /// <summary>Runs <paramref name="action"/> once after a full collection, so earlier garbage is not charged to it.</summary>
    public static async Task<Measurement> RunAsync(string name, long rows, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        FullCollect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var paused = GC.GetTotalPauseDuration();
        var gen2 = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        await action();
        watch.Stop();
        return new Measurement(
            name,
            rows,
            watch.Elapsed,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.GetTotalPauseDuration() - paused,
            GC.CollectionCount(2) - gen2);
    }

    /// <summary>Collects everything collectable, finalizers included.</summary>
    public static void FullCollect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
