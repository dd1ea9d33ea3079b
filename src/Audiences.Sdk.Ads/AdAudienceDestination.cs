using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Ads;

/// <summary>
/// What the three ad destinations share: the description, no reads, and a write that normalizes every record first,
/// answers the unusable ones itself, and lets the platform send the rest. Updates are adds: membership is idempotent,
/// and an add of a member already there changes nothing.
/// </summary>
internal abstract class AdAudienceDestination<TPerson>(DestinationDescription description, AdHttp http) : IDestination
    where TPerson : class
{
    protected AdHttp Http => http;

    public ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(description);
    }

    public IAsyncEnumerable<DestinationRecord> ReadAsync(DestinationReadRequest request, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{http.Platform} audiences cannot be read back: the platform keeps only hashes and never lists its members.");

    public async Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count > description.MaxBatchSize)
        {
            throw new ArgumentException($"{http.Platform} takes at most {description.MaxBatchSize} writes a call, not {writes.Count}.", nameof(writes));
        }

        var answered = new Dictionary<string, DestinationResult>(StringComparer.Ordinal);
        var members = new List<AdMember<TPerson>>(writes.Count);
        foreach (var write in writes)
        {
            ArgumentNullException.ThrowIfNull(write, nameof(writes));
            if (Prepare(write, out var reason) is { } person)
            {
                members.Add(new AdMember<TPerson>(write.Key, write.Kind == DestinationWriteKind.Remove, person));
            }
            else
            {
                // The same values will never normalize differently: sending them again cannot help.
                answered[write.Key] = DestinationResult.Failure(write.Key, reason ?? "No identifier the platform can match.", retryable: false);
            }
        }

        if (answered.Count > 0)
        {
            AdLog.Unusable(http.Logger, http.Platform, http.Audience, answered.Count);
        }

        if (members.Count > 0)
        {
            foreach (var (key, result) in await SendAsync(members, cancellationToken).ConfigureAwait(false))
            {
                answered[key] = result;
            }
        }

        return writes.Select(w => answered.TryGetValue(w.Key, out var result) ? result : DestinationResult.Success(w.Key)).ToList();
    }

    /// <summary>The person to send for <paramref name="write"/>, or null with the reason none of its values is usable.</summary>
    protected abstract TPerson? Prepare(DestinationWrite write, out string? reason);

    /// <summary>Sends the members; answers the ones the platform rejected (every other one succeeded).</summary>
    /// <exception cref="DestinationUnavailableException">The platform could not be called or refused the call as a whole.</exception>
    protected abstract Task<IReadOnlyDictionary<string, DestinationResult>> SendAsync(IReadOnlyList<AdMember<TPerson>> members, CancellationToken cancellationToken);
}
