namespace Audiences.Sdk.Providers;

/// <summary>
/// A token bucket refilled every second on a <see cref="TimeProvider"/>: it holds at most <c>perSecond</c> tokens, each
/// call takes one, and callers wait for the next refill when it is empty.
/// </summary>
/// <remarks>
/// Not <c>System.Threading.RateLimiting</c>'s token bucket: that one measures the time between refills on the
/// machine's clock even when refilled by hand, so it cannot follow the host's <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class ClockTokenBucket : IDisposable
{
    private readonly SemaphoreSlim _tokens;
    private readonly ITimer _refill;
    private readonly int _perSecond;

    public ClockTokenBucket(int perSecond, TimeProvider time)
    {
        _perSecond = perSecond;
        _tokens = new SemaphoreSlim(perSecond, perSecond);
        _refill = time.CreateTimer(static state => ((ClockTokenBucket)state!).Refill(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    /// <summary>Takes a token, waiting for the next refill when none is left.</summary>
    public Task TakeAsync(CancellationToken cancellationToken) => _tokens.WaitAsync(cancellationToken);

    public void Dispose()
    {
        _refill.Dispose();
        _tokens.Dispose();
    }

    // Only the timer adds tokens and callers only take them, so the count read here can only fall before the
    // release, which therefore never overfills the bucket.
    private void Refill()
    {
        var missing = _perSecond - _tokens.CurrentCount;
        if (missing > 0)
        {
            _tokens.Release(missing);
        }
    }
}
