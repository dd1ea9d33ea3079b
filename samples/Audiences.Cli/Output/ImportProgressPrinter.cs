using Audiences.Sdk.Import;

namespace Audiences.Cli.Output;

/// <summary>
/// Receives the SDK's progress after each committed batch, remembers the last counts (to say what
/// was committed when an import is cancelled) and prints a line to stderr at most once per interval,
/// so short imports stay quiet and long ones show they are moving.
/// </summary>
/// <remarks>The SDK reports on the importing thread, so no locking is needed.</remarks>
internal sealed class ImportProgressPrinter : IProgress<ImportProgress>
{
    private readonly TextWriter? _writer;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly long _started;
    private long _lastPrinted;

    /// <param name="writer">Where lines go; null to print nothing (with --json).</param>
    /// <param name="interval">The least time between two lines.</param>
    /// <param name="time">The clock.</param>
    public ImportProgressPrinter(TextWriter? writer, TimeSpan interval, TimeProvider? time = null)
    {
        _writer = writer;
        _interval = interval;
        _time = time ?? TimeProvider.System;
        _started = _lastPrinted = _time.GetTimestamp();
    }

    /// <summary>The counts of the last committed batch.</summary>
    public ImportProgress Last { get; private set; }

    public void Report(ImportProgress value)
    {
        Last = value;
        var now = _time.GetTimestamp();
        if (_writer is null || _time.GetElapsedTime(_lastPrinted, now) < _interval)
        {
            return;
        }

        _lastPrinted = now;
        var seconds = Math.Max(_time.GetElapsedTime(_started, now).TotalSeconds, 0.001);
        _writer.WriteLine(FormattableString.Invariant(
            $"  ... {Formats.Count(value.Read)} rows in {Formats.Count(value.Batches)} batches ({Formats.Count((long)(value.Read / seconds))} rows/s): {Formats.Count(value.Created)} created, {Formats.Count(value.Updated)} updated, {Formats.Count(value.Merged)} merged, {Formats.Count(value.Rejected)} rejected"));
    }
}
