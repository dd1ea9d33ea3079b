using System.Diagnostics;

namespace Audiences.Sdk.Scale;

/// <summary>
/// A count timed the way the bulk run times every count: the first call on its own (what a first query pays,
/// such as a store's catch-up after an import), then one warm-up and the median of <see cref="Runs"/> calls.
/// </summary>
/// <param name="Name">What counted.</param>
/// <param name="Count">The count it returned (every call must agree).</param>
/// <param name="First">The first call.</param>
/// <param name="Median">The median of the timed calls after the warm-up.</param>
/// <param name="Fastest">The fastest of them.</param>
/// <param name="Slowest">The slowest of them.</param>
internal sealed record CountFigure(string Name, long Count, TimeSpan First, TimeSpan Median, TimeSpan Fastest, TimeSpan Slowest)
{
    /// <summary>Timed calls after the warm-up.</summary>
    public const int Runs = 7;

    /// <summary>Times <paramref name="count"/>: once cold, once to warm up, then <see cref="Runs"/> times.</summary>
    /// <exception cref="InvalidOperationException">Two calls returned different counts.</exception>
    public static async Task<CountFigure> MeasureAsync(string name, Func<Task<long>> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var (expected, first) = await TimeAsync(count);
        var (warm, _) = await TimeAsync(count);
        Check(warm);
        var times = new TimeSpan[Runs];
        for (var i = 0; i < Runs; i++)
        {
            (var value, times[i]) = await TimeAsync(count);
            Check(value);
        }

        Array.Sort(times);
        return new CountFigure(name, expected, first, times[Runs / 2], times[0], times[^1]);

        void Check(long value)
        {
            if (value != expected)
            {
                throw new InvalidOperationException($"{name}: the count changed between calls ({expected:N0}, then {value:N0}).");
            }
        }
    }

    private static async Task<(long Count, TimeSpan Elapsed)> TimeAsync(Func<Task<long>> count)
    {
        var watch = Stopwatch.StartNew();
        var value = await count();
        return (value, watch.Elapsed);
    }
}
