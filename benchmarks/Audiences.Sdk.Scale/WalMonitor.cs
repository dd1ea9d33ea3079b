namespace Audiences.Sdk.Scale;

/// <summary>
/// Watches the size of a SQLite database's write-ahead log (<c>PATH-wal</c>) on a background timer (every
/// 50 ms) and keeps the largest size seen. A log that grows and is cut back between two samples can be missed,
/// so the figure is a lower bound of the true peak; <see cref="Sample"/> takes one more reading on demand.
/// </summary>
internal sealed class WalMonitor : IDisposable
{
    /// <summary>Time between two readings.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    private readonly string _walPath;
    private readonly Timer _timer;
    private long _peak;
    private long _samples;

    public WalMonitor(string databasePath)
    {
        _walPath = databasePath + "-wal";
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, Interval);
    }

    /// <summary>The largest log size seen so far, in bytes.</summary>
    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>Readings taken so far.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    /// <summary>Reads the log's size now (0 when there is none) and keeps it if it is the largest yet.</summary>
    public void Sample()
    {
        long size;
        try
        {
            var file = new FileInfo(_walPath);
            size = file.Exists ? file.Length : 0;
        }
        catch (IOException)
        {
            // The file was removed between the check and the read: no log.
            size = 0;
        }

        Interlocked.Increment(ref _samples);
        long peak;
        while (size > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, size, peak) != peak)
        {
        }
    }

    public void Dispose()
    {
        using var stopped = new ManualResetEvent(false);
        _timer.Dispose(stopped);
        stopped.WaitOne();
    }
}
