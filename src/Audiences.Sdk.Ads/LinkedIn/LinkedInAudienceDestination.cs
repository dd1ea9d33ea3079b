using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Ads.LinkedIn;

/// <summary>
/// A LinkedIn DMP segment: adds and removals go together to <c>POST rest/dmpSegments/{segment}/users</c> as a
/// <c>BATCH_CREATE</c> of elements with <c>"action":"ADD"</c> or <c>"REMOVE"</c>, and LinkedIn answers each element
/// with its own status: a 2xx succeeds, a 429 or 5xx may succeed when sent again, anything else never will.
/// </summary>
internal sealed class LinkedInAudienceDestination(DestinationDescription description, AdHttp http, AdConnection connection, string version, string segment)
    : AdAudienceDestination<LinkedInPerson>(description, http)
{
    /// <summary>
    /// The most elements sent in one request. LinkedIn documents no limit; 5,000 is the size integrations commonly
    /// use, and a <c>batch-size</c> setting can lower it.
    /// </summary>
    public const int MaxElementsPerRequest = 5_000;

    protected override LinkedInPerson? Prepare(DestinationWrite write, out string? reason) => LinkedInNormalizer.Person(write.Values, out reason);

    protected override async Task<IReadOnlyDictionary<string, DestinationResult>> SendAsync(IReadOnlyList<AdMember<LinkedInPerson>> members, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<string, DestinationResult>(StringComparer.Ordinal);
        var batches = members.Chunk(connection.BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(connection.Endpoint, $"rest/dmpSegments/{segment}/users"))
            {
                Content = new StringContent(Body(batch).ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", connection.Token);
            request.Headers.Add("LinkedIn-Version", version);
            request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
            request.Headers.Add("X-RestLi-Method", "BATCH_CREATE");
            var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.Succeeded)
            {
                throw Http.Unavailable(response, Message(response.Body));
            }

            AdLog.Sent(Http.Logger, Http.Platform, Http.Audience, batch.Length, "add or remove", i + 1, batches.Count);
            Answer(batch, response.Body, failures);
        }

        return failures;
    }

    internal static JsonObject Body(IReadOnlyList<AdMember<LinkedInPerson>> batch) =>
        new() { ["elements"] = new JsonArray(batch.Select(m => (JsonNode)Element(m)).ToArray()) };

    private static JsonObject Element(AdMember<LinkedInPerson> member)
    {
        var person = member.Person;
        var element = new JsonObject { ["action"] = member.Remove ? "REMOVE" : "ADD" };
        if (person.Email is { } email)
        {
            element["userIds"] = new JsonArray(new JsonObject { ["idType"] = "SHA256_EMAIL", ["idValue"] = AdHashing.Sha256Hex(email) });
        }

        void Plain(string name, string? value)
        {
            if (value is not null)
            {
                element[name] = value;
            }
        }

        Plain("firstName", person.FirstName);
        Plain("lastName", person.LastName);
        Plain("title", person.Title);
        Plain("company", person.Company);
        Plain("country", person.Country);
        return element;
    }

    /// <summary>Reads the per-element statuses, in request order; an element LinkedIn did not answer may be sent again.</summary>
    private static void Answer(AdMember<LinkedInPerson>[] batch, string body, Dictionary<string, DestinationResult> failures)
    {
        var elements = new List<JsonElement>();
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("elements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                elements.AddRange(list.EnumerateArray());
            }
        }
        catch (JsonException)
        {
            // Answered below as unanswered elements.
        }

        using (document)
        {
            for (var i = 0; i < batch.Length; i++)
            {
                var key = batch[i].Key;
                if (i >= elements.Count || elements[i].ValueKind != JsonValueKind.Object || !elements[i].TryGetProperty("status", out var s) || !s.TryGetInt32(out var status))
                {
                    failures[key] = DestinationResult.Failure(key, "LinkedIn gave no status for this member.");
                    continue;
                }

                if (status is >= 200 and < 300)
                {
                    continue;
                }

                var retryable = status is 408 or 429 or >= 500;
                failures[key] = DestinationResult.Failure(key, $"LinkedIn rejected the member (status {status}): {Message(elements[i])}", retryable);
            }
        }
    }

    private static string Message(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Message(document.RootElement);
        }
        catch (JsonException)
        {
            return body.Length == 0 ? "no error message" : body[..Math.Min(body.Length, 300)];
        }
    }

    private static string Message(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return "no error message";
        }

        if (element.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            return Message(error);
        }

        var message = element.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        var code = element.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return (message, code) switch
        {
            (null, null) => "no error message",
            (null, _) => code!,
            (_, null) => message!,
            _ => $"{message} ({code})",
        };
    }
}
