using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Audiences.Sdk.Ads.Tests.Fakes;

/// <summary>
/// A fake LinkedIn DMP segment: <c>POST rest/dmpSegments/{segment}/users</c> with a bearer token,
/// <c>LinkedIn-Version: YYYYMM</c>, <c>X-Restli-Protocol-Version: 2.0.0</c> and <c>X-RestLi-Method: BATCH_CREATE</c>;
/// elements with <c>ADD</c>/<c>REMOVE</c>, <c>SHA256_EMAIL</c> ids as 64-char lowercase hex (or a first and last name
/// of at most 35 characters); one status per element. Members are keyed by their hashed email, else their names.
/// </summary>
public sealed class FakeLinkedInServer : FakePlatformServer
{
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _requests = [];

    public string Segment { get; init; } = "104000";

    public IReadOnlyList<JsonObject> Received
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Makes LinkedIn answer any element with this hashed email with a 400 status.</summary>
    public void Reject(string emailHash)
    {
        lock (_requests)
        {
            _rejected.Add(emailHash);
        }
    }

    public static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        JsonAsync(context, status, new JsonObject { ["status"] = status, ["code"] = code, ["message"] = message });

    protected override void Map(WebApplication app) => app.MapPost("/rest/dmpSegments/{segment}/users", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        if (await FailedAsync(context))
        {
            return;
        }

        var headers = context.Request.Headers;
        if (headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await ErrorAsync(context, 401, "INVALID_ACCESS_TOKEN", "Invalid access token");
            return;
        }

        if (headers["LinkedIn-Version"].ToString() is not { Length: 6 } version || !version.All(char.IsAsciiDigit)
            || headers["X-Restli-Protocol-Version"].ToString() != "2.0.0" || headers["X-RestLi-Method"].ToString() != "BATCH_CREATE")
        {
            Violation("headers LinkedIn-Version (YYYYMM), X-Restli-Protocol-Version: 2.0.0 and X-RestLi-Method: BATCH_CREATE are required");
            await ErrorAsync(context, 400, "VERSION_MISSING", "A version header is required");
            return;
        }

        if ((string)context.Request.RouteValues["segment"]! != Segment)
        {
            await ErrorAsync(context, 404, "NOT_FOUND", "Not found: urn:li:dmpSegment");
            return;
        }

        if (await BodyAsync(context) is not JsonObject body || body["elements"] is not JsonArray { Count: > 0 } elements)
        {
            Violation("the body must have elements");
            await ErrorAsync(context, 400, "ILLEGAL_ARGUMENT", "elements are required");
            return;
        }

        lock (_requests)
        {
            _requests.Add(body.DeepClone().AsObject());
        }

        var statuses = new JsonArray();
        foreach (var element in elements)
        {
            var (id, status, message) = Element(element);
            if (status == 201)
            {
                Apply(id, element!["action"]!.GetValue<string>() == "REMOVE");
                statuses.Add(new JsonObject { ["status"] = 201 });
            }
            else
            {
                statuses.Add(new JsonObject { ["status"] = status, ["error"] = new JsonObject { ["status"] = status, ["message"] = message } });
            }
        }

        await JsonAsync(context, 200, new JsonObject { ["elements"] = statuses });
    }

    private (string Id, int Status, string? Message) Element(JsonNode? element)
    {
        var action = element?["action"]?.GetValue<string>();
        if (action is not ("ADD" or "REMOVE"))
        {
            Violation($"action '{action}'");
            return (string.Empty, 400, "action must be ADD or REMOVE");
        }

        var first = element!["firstName"]?.GetValue<string>();
        var last = element["lastName"]?.GetValue<string>();
        if (first?.Length > 35 || last?.Length > 35)
        {
            Violation("a name is longer than 35 characters");
            return (string.Empty, 400, "name too long");
        }

        if (element["userIds"] is JsonArray ids && ids.Count > 0)
        {
            string? email = null;
            foreach (var id in ids)
            {
                if (id?["idType"]?.GetValue<string>() != "SHA256_EMAIL" || !IsSha256Hex(id["idValue"]?.GetValue<string>()))
                {
                    Violation("userIds must be SHA256_EMAIL with a 64-char lowercase hex idValue");
                    return (string.Empty, 400, "invalid idValue");
                }

                email ??= id["idValue"]!.GetValue<string>();
            }

            lock (_requests)
            {
                if (_rejected.Contains(email!))
                {
                    return (email!, 400, "The user could not be processed");
                }
            }

            return (email!, 201, null);
        }

        if (string.IsNullOrEmpty(first) || string.IsNullOrEmpty(last))
        {
            Violation("an element without userIds needs firstName and lastName");
            return (string.Empty, 400, "firstName and lastName are required without userIds");
        }

        return ($"name:{first}:{last}", 201, null);
    }
}
