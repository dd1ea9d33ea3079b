using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Audiences.Sdk.Ads.Google;

/// <summary>
/// Reads Google's error body (<c>{"error":{"code","message","status","details":[…]}}</c>): the field violations of a
/// <c>google.rpc.BadRequest</c> detail, which name the rejected members by index, and the <c>retryDelay</c> of a
/// <c>google.rpc.RetryInfo</c> detail.
/// </summary>
internal static partial class GoogleErrors
{
    public static GoogleError Read(string body)
    {
        var violations = new Dictionary<int, string>();
        TimeSpan? retryDelay = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return new GoogleError(Clip(body), null, violations, null);
            }

            var message = Text(error, "message");
            var status = Text(error, "status");
            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    if (detail.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    if (detail.TryGetProperty("fieldViolations", out var fields) && fields.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var field in fields.EnumerateArray())
                        {
                            if (field.ValueKind == JsonValueKind.Object && Text(field, "field") is { } path && MemberIndex().Match(path) is { Success: true } match
                                && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                            {
                                var reason = Text(field, "reason");
                                var description = Text(field, "description") ?? "rejected";
                                var text = reason is null ? description : $"{description} ({reason})";
                                violations[index] = violations.TryGetValue(index, out var earlier) ? $"{earlier}; {text}" : text;
                            }
                        }
                    }

                    if (Text(detail, "retryDelay") is { } delay && delay.EndsWith('s')
                        && double.TryParse(delay.AsSpan(0, delay.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                    {
                        retryDelay = TimeSpan.FromSeconds(seconds);
                    }
                }
            }

            return new GoogleError(message ?? Clip(body), status, violations, retryDelay);
        }
        catch (JsonException)
        {
            return new GoogleError(Clip(body), null, violations, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Clip(string body) => body.Length == 0 ? "no error message" : body[..Math.Min(body.Length, 300)];

    // Violations name members as audience_members[3] (the proto field) or audienceMembers[3] (the JSON name).
    [GeneratedRegex(@"audience_?members\[(\d+)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemberIndex();
}

/// <summary>Google's error: its message and status, the members it rejected by index with why, and the delay it asked for.</summary>
internal sealed record GoogleError(string Message, string? Status, IReadOnlyDictionary<int, string> Violations, TimeSpan? RetryDelay)
{
    public string Detail => Status is null ? Message : $"{Message} ({Status})";
}
