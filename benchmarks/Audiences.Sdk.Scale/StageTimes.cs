using System.Diagnostics;

namespace Audiences.Sdk.Scale;

/// <summary>Call counts and accumulated time per store operation, for the breakdown of one import.</summary>
internal sealed class StageTimes
{
    private readonly Dictionary<string, (long Calls, long Ticks)> _stages = new(StringComparer.Ordinal);

    /// <summary>The stages in the order they were first seen, with calls and time.</summary>
    public IEnumerable<(string Stage, long Calls, TimeSpan Time)> Stages =>
        _stages.Select(s => (s.Key, s.Value.Calls, Stopwatch.GetElapsedTime(0, s.Value.Ticks)));

    public TimeSpan Total => Stopwatch.GetElapsedTime(0, _stages.Values.Sum(s => s.Ticks));

    /// <summary>Adds the time since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>) to a stage.</summary>
    public void Add(string stage, long started)
    {
        var elapsed = Stopwatch.GetTimestamp() - started;
        _stages[stage] = _stages.TryGetValue(stage, out var s) ? (s.Calls + 1, s.Ticks + elapsed) : (1, elapsed);
    }
}
