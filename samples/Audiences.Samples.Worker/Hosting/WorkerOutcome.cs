namespace Audiences.Samples.Worker.Hosting;

/// <summary>How the worker ended, so the program can exit 1 when it failed rather than when it was stopped.</summary>
internal sealed class WorkerOutcome
{
    private Exception? _failure;

    /// <summary>Why the worker failed; null while it runs or after a clean stop.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Records the failure that ended the worker.</summary>
    public void Fail(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null);
}
