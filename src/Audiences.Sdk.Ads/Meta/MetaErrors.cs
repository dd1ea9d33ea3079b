using System.Text.Json;
using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Ads.Meta;

/// <summary>
/// Reads the Graph API error envelope (<c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c>) and
/// maps it: an invalid token (code 190) and missing permissions (10, 200–299) are not transient; throttling (4, 17,
/// 32, 613, 80003) is, with the wait the usage headers give; a flagged audience (100/1713230) refuses every edit.
/// </summary>
internal static class MetaErrors
{
    private static readonly HashSet<int> ThrottleCodes = [4, 17, 32, 613, 80003];

    public static DestinationUnavailableException Unavailable(AdHttp http, AdResponse response)
    {
        var (code, subcode, message, trace) = Read(response.Body);
        var detail = $"{message ?? "no error message"}{(code is null ? string.Empty : $" (code {code}{(subcode is null ? string.Empty : $", subcode {subcode}")})")}{(trace is null ? string.Empty : $" [fbtrace_id {trace}]")}";
        if (code is 190 or 102)
        {
            return http.Fail(new DestinationUnavailableException($"Meta {http.Audience} refused the access token: {detail}") { Transient = false });
        }

        if (code is 10 or (>= 200 and <= 299))
        {
            return http.Fail(new DestinationUnavailableException($"Meta {http.Audience} refused access with this token (it lacks a permission on the ad account): {detail}") { Transient = false });
        }

        if (code is { } throttled && ThrottleCodes.Contains(throttled))
        {
            return http.Fail(new DestinationUnavailableException($"Meta {http.Audience} is throttling the calls: {detail}")
            {
                RetryAfter = UsageWait(response) ?? response.RetryAfter,
            });
        }

        if (code == 100 && subcode == 1713230)
        {
            return http.Fail(new DestinationUnavailableException($"Meta {http.Audience} is flagged and takes no membership edits until it is reviewed: {detail}") { Transient = false });
        }

        if (code is 1 or 2)
        {
            return http.Fail(new DestinationUnavailableException($"Meta {http.Audience} failed on its side: {detail}"));
        }

        return http.Unavailable(response, detail);
    }

    /// <summary>
    /// The longest wait the usage headers announce: <c>estimated_time_to_regain_access</c> (minutes) of
    /// <c>X-Business-Use-Case-Usage</c>, and <c>reset_time_duration</c> (seconds) of <c>X-Ad-Account-Usage</c>.
    /// </summary>
    public static TimeSpan? UsageWait(AdResponse response)
    {
        TimeSpan? wait = null;
        void Longer(TimeSpan candidate)
        {
            if (candidate > TimeSpan.Zero && (wait is null || candidate > wait))
            {
                wait = candidate;
            }
        }

        if (Parse(response.Header("X-Business-Use-Case-Usage")) is { RootElement.ValueKind: JsonValueKind.Object } business)
        {
            using (business)
            {
                foreach (var entry in business.RootElement.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.Array)
                    {
                        continue;
                    }

                    foreach (var usage in entry.Value.EnumerateArray())
                    {
                        if (usage.ValueKind == JsonValueKind.Object && usage.TryGetProperty("estimated_time_to_regain_access", out var minutes) && minutes.TryGetDouble(out var m))
                        {
                            Longer(TimeSpan.FromMinutes(m));
                        }
                    }
                }
            }
        }

        if (Parse(response.Header("X-Ad-Account-Usage")) is { RootElement.ValueKind: JsonValueKind.Object } account)
        {
            using (account)
            {
                if (account.RootElement.TryGetProperty("reset_time_duration", out var seconds) && seconds.TryGetDouble(out var s))
                {
                    Longer(TimeSpan.FromSeconds(s));
                }
            }
        }

        return wait;
    }

    private static (int? Code, int? Subcode, string? Message, string? Trace) Read(string body)
    {
        using var document = Parse(body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return (null, null, body.Length == 0 ? null : body[..Math.Min(body.Length, 300)], null);
        }

        return (Int(error, "code"), Int(error, "error_subcode"), Text(error, "message") ?? Text(error, "error_user_msg"), Text(error, "fbtrace_id"));
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
