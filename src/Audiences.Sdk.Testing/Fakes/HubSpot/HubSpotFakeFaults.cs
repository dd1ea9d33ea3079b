using System.Collections.Concurrent;

namespace Audiences.Sdk.Testing.Fakes.HubSpot;

/// <summary>Faults a <see cref="HubSpotFake"/> injects into the calls it answers, for tests of error paths.</summary>
public sealed class HubSpotFakeFaults
{
    private int _rateLimited;
    private int _serverErrors;
    private int _malformed;

    /// <summary>The policy named in the 429 bodies (<c>SECONDLY</c>, <c>TEN_SECONDLY_ROLLING</c>, <c>DAILY</c>). Default <c>TEN_SECONDLY_ROLLING</c>.</summary>
    public string RateLimitPolicy { get; set; } = "TEN_SECONDLY_ROLLING";

    /// <summary>The window reported in <c>X-HubSpot-RateLimit-Interval-Milliseconds</c> with a 429. Default 10 seconds.</summary>
    public TimeSpan RateLimitInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A <c>Retry-After</c> header to send with a 429, or null to send none (HubSpot documents none for 429).</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>A delay before each answer, for tests of time-outs and cancellation.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Whether the token has expired: every call is answered 401.</summary>
    public bool TokenExpired { get; set; }

    /// <summary>Property validation errors by record id (or unique value written): a write of it fails with this message.</summary>
    public ConcurrentDictionary<string, string> Rejected { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers the next <paramref name="count"/> calls with 429.</summary>
    /// <param name="count">How many calls.</param>
    public void RateLimitNext(int count = 1) => Interlocked.Exchange(ref _rateLimited, count);

    /// <summary>Answers the next <paramref name="count"/> calls with 502.</summary>
    /// <param name="count">How many calls.</param>
    public void FailNext(int count = 1) => Interlocked.Exchange(ref _serverErrors, count);

    /// <summary>Answers the next <paramref name="count"/> calls with 200 and an HTML page instead of JSON, as a proxy or captive portal would.</summary>
    /// <param name="count">How many calls.</param>
    public void MalformNext(int count = 1) => Interlocked.Exchange(ref _malformed, count);

    internal bool TakeRateLimit() => Take(ref _rateLimited);

    internal bool TakeServerError() => Take(ref _serverErrors);

    internal bool TakeMalformed() => Take(ref _malformed);

    private static bool Take(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }
}
