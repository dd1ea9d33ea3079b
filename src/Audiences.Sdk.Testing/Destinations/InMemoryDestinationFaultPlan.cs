using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Testing.Destinations;

/// <summary>The failures an <see cref="InMemoryDestination"/> still has to inject: scripted ones first, then random ones.</summary>
/// <remarks>Not thread-safe: the destination calls it under its lock.</remarks>
internal sealed class InMemoryDestinationFaultPlan(string objectName, InMemoryDestinationFaults? faults)
{
    private readonly Queue<DestinationUnavailableException> _failedCalls = new();
    private readonly Dictionary<string, (string Error, bool Retryable, int Times)> _failedKeys = new(StringComparer.Ordinal);

    // Seeded, so a test sees the same failures each run; not for security.
#pragma warning disable CA5394
    private readonly Random? _random = faults is null ? null : new Random(faults.Seed);
    private int _lostAnswers;

    public void FailNextCall(DestinationUnavailableException? exception) =>
        _failedCalls.Enqueue(exception ?? ServerError());

    public void LoseNextAnswer() => _lostAnswers++;

    public void FailKey(string key, string error, bool retryable, int times) => _failedKeys[key] = (error, retryable, times);

    /// <summary>Throws when the call is to fail as a whole before anything is done.</summary>
    public void BeforeCall()
    {
        if (_failedCalls.TryDequeue(out var scripted))
        {
            throw scripted;
        }

        if (_random is not null && _random.NextDouble() < faults!.UnavailableRate)
        {
            throw _random.NextDouble() < faults.RateLimitedShare
                ? new DestinationUnavailableException($"The {objectName} destination is rate-limited (429).") { RetryAfter = faults.RetryAfter }
                : ServerError();
        }
    }

    /// <summary>Throws when the answer of a write call that was applied is to be lost.</summary>
    public void AfterWrite()
    {
        if (_lostAnswers > 0)
        {
            _lostAnswers--;
            throw LostAnswer();
        }

        if (_random is not null && _random.NextDouble() < faults!.LostAnswerRate)
        {
            throw LostAnswer();
        }
    }
#pragma warning restore CA5394

    /// <summary>The scripted failure of a write of <paramref name="key"/>, or null when it is to be applied.</summary>
    public DestinationResult? KeyFailure(string key)
    {
        if (!_failedKeys.TryGetValue(key, out var failure))
        {
            return null;
        }

        if (failure.Times != int.MaxValue)
        {
            if (failure.Times <= 1)
            {
                _failedKeys.Remove(key);
            }
            else
            {
                _failedKeys[key] = failure with { Times = failure.Times - 1 };
            }
        }

        return DestinationResult.Failure(key, failure.Error, failure.Retryable);
    }

    private DestinationUnavailableException ServerError() => new($"The {objectName} destination answered with a server error (503).");

    private DestinationUnavailableException LostAnswer() =>
        new($"The connection to the {objectName} destination was lost before it answered; the batch may have been applied.");
}
