using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.HubSpot;

// Calls HubSpot with the bearer token, waits out rate limits (429) for as long as HubSpot's headers say, up to a
// number of retries, and turns other errors into HubSpotCallException with HubSpot's message.
internal sealed class HubSpotClient(HttpClient http, Uri baseUrl, string token, TimeProvider time, int retries, ILogger logger)
{
    /// <summary>Where the connector logs; the source and destination log through it too.</summary>
    public ILogger Logger => logger;

    public async Task<(int Status, JsonNode Body)> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new HubSpotCallException($"HubSpot could not be reached at {baseUrl}: {e.Message}", 0, null, transient: true);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var json = Parse(text);
                if (status is >= 200 and < 300)
                {
                    // A success whose body is no JSON (a proxy's HTML page) must not read as an answer without results:
                    // a read would end early, and a full read that ends early reports every record missed as deleted.
                    return json is null && text.Trim().Length > 0
                        ? throw new HubSpotCallException($"HubSpot answered HTTP {status} with a body that is not JSON: {Start(text)}", status, null, transient: true)
                        : (status, json ?? new JsonObject());
                }

                json ??= new JsonObject { ["message"] = Start(text) };

                var message = json["message"]?.ToString() is { Length: > 0 } m ? m : $"HTTP {status}";
                if (status == 429)
                {
                    var wait = RetryAfter(response, json);
                    var policy = json["policyName"]?.ToString();
                    var retryAfter = Header(response, "Retry-After");
                    var interval = Header(response, "X-HubSpot-RateLimit-Interval-Milliseconds");
                    var remaining = Header(response, "X-HubSpot-RateLimit-Remaining");
                    if (attempt < retries)
                    {
                        HubSpotLog.RateLimited(logger, policy, retryAfter, interval, remaining, wait, attempt + 1, retries);
                        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    HubSpotLog.RateLimitGaveUp(logger, policy, retryAfter, interval, remaining, retries, wait);

                    throw new HubSpotCallException($"HubSpot rate-limited the call ({json["policyName"]}): {message}", status, wait, transient: true);
                }

                if (status == 401)
                {
                    throw new HubSpotCallException($"HubSpot refused the token (401): {message} Check the private app's access token.", status, null, transient: false);
                }

                if (status == 403)
                {
                    throw new HubSpotCallException($"HubSpot refused the call (403): {message} The token lacks a scope the call needs.", status, null, transient: false);
                }

                if (status >= 500)
                {
                    throw new HubSpotCallException($"HubSpot failed the call (HTTP {status}): {message}", status, null, transient: true);
                }

                throw new HubSpotCallException($"HubSpot refused the call (HTTP {status}): {message}", status, null, transient: false);
            }
        }
    }

    // Retry-After when sent; else the rate-limit window's length from X-HubSpot-RateLimit-Interval-Milliseconds;
    // else the policy's window (a second, ten seconds, or a day's limit that waiting briefly cannot cure).
    internal static TimeSpan RetryAfter(HttpResponseMessage response, JsonNode body)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (response.Headers.TryGetValues("X-HubSpot-RateLimit-Interval-Milliseconds", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return body["policyName"]?.ToString() switch
        {
            "SECONDLY" => TimeSpan.FromSeconds(1),
            "DAILY" => TimeSpan.FromHours(1),
            _ => TimeSpan.FromSeconds(10),
        };
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    // The body as JSON; null when it is none (an empty body is an empty object).
    private static JsonNode? Parse(string text)
    {
        if (text.Trim().Length == 0)
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Start(string text) => text.Length > 200 ? text[..200] : text;
}
