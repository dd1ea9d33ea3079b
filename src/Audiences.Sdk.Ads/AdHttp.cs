using System.Net;
using Audiences.Sdk.Destinations;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Ads;

/// <summary>
/// Sends one destination's calls through the configured handler and turns what cannot be answered per record (no
/// connection, a time-out, refused credentials, a rate limit, a server error) into
/// <see cref="DestinationUnavailableException"/>.
/// </summary>
internal sealed class AdHttp(AdConnection connection, TimeProvider timeProvider, ILogger logger, string platform, string audience)
{
    private static readonly Lazy<HttpMessageHandler> SharedHandler = new(() => new SocketsHttpHandler
    {
        // Pooled connections are renewed so DNS changes of the platforms' hosts are seen.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    });

    public string Platform => platform;

    public string Audience => audience;

    public ILogger Logger => logger;

    public async Task<AdResponse> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A client per call is cheap over a shared handler, and leaves the handler's lifetime to whoever owns it.
        using var client = new HttpClient(connection.Handler ?? SharedHandler.Value, disposeHandler: false) { Timeout = connection.Timeout };
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Fail(new DestinationUnavailableException($"{platform} could not be reached at {connection.Endpoint}: {e.Message}", e));
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(new DestinationUnavailableException($"{platform} did not answer within {connection.Timeout}.", e));
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            return new AdResponse(response.StatusCode, body, RetryAfter(response), headers);
        }
    }

    /// <summary>
    /// The exception for a call answered as a whole with an error: refused credentials or access and other client
    /// errors are not transient; rate limits, time-outs and server errors are.
    /// </summary>
    public DestinationUnavailableException Unavailable(AdResponse response, string detail, TimeSpan? retryAfter = null)
    {
        var status = (int)response.Status;
        var (what, transient) = status switch
        {
            401 => ("refused the token", false),
            403 => ("refused access with this token (check its permissions and the account's roles)", false),
            404 => ("does not know the account or audience in the settings", false),
            408 => ("timed out", true),
            429 => ("is rate-limiting the calls", true),
            >= 500 => ("failed on its side", true),
            _ => ("rejected the request", false),
        };
        return Fail(new DestinationUnavailableException($"{platform} {audience} {what} (HTTP {status}): {detail}")
        {
            Transient = transient,
            RetryAfter = retryAfter ?? response.RetryAfter,
        });
    }

    /// <summary>Logs a whole-call failure and gives it back to be thrown.</summary>
    public DestinationUnavailableException Fail(DestinationUnavailableException exception)
    {
        AdLog.CallFailed(logger, platform, audience, exception.Transient, exception.RetryAfter, exception.Message);
        return exception;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
