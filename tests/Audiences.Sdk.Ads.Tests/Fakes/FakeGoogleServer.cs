using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Audiences.Sdk.Ads.Tests.Fakes;

/// <summary>
/// A fake Data Manager API: <c>POST v1/audienceMembers:ingest</c> (also spelled <c>audiencemembers:ingest</c>) and
/// <c>:remove</c> with a bearer token, one destination naming the operating account and the user list, at most 10,000
/// members of at most 10 identifiers, hashed values as 64-char lowercase hex (<c>encoding: HEX</c>), region and postal
/// code unhashed. A request with a bad member is refused whole, with field violations naming the member by index.
/// Members are keyed by their hashed email, else their hashed phone, else their address.
/// </summary>
public sealed class FakeGoogleServer : FakePlatformServer
{
    private readonly HashSet<string> _rejected = new(StringComparer.Ordinal);
    private readonly List<GoogleCall> _calls = [];

    public string OperatingAccount { get; init; } = "1234567890";

    public string UserList { get; init; } = "9876543";

    public IReadOnlyList<GoogleCall> Received
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Makes Google refuse any member with this hashed email, as it refuses an identifier it cannot read.</summary>
    public void Reject(string emailHash)
    {
        lock (_calls)
        {
            _rejected.Add(emailHash);
        }
    }

    public static Task ErrorAsync(HttpContext context, int status, string grpcStatus, string message, params JsonNode[] details) =>
        JsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["status"] = grpcStatus, ["details"] = new JsonArray(details) },
        });

    protected override void Map(WebApplication app) => app.MapPost("/v1/{method}", HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var method = ((string)context.Request.RouteValues["method"]!).ToLowerInvariant();
        if (method is not ("audiencemembers:ingest" or "audiencemembers:remove"))
        {
            Violation($"method {method}");
            await ErrorAsync(context, 404, "NOT_FOUND", "Method not found.");
            return;
        }

        if (await FailedAsync(context))
        {
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            await ErrorAsync(context, 401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token.");
            return;
        }

        var remove = method.EndsWith(":remove", StringComparison.Ordinal);
        var body = await BodyAsync(context);
        if (body is not JsonObject request || request["destinations"] is not JsonArray { Count: 1 } destinations
            || destinations[0]?["operatingAccount"]?["accountType"]?.GetValue<string>() != "GOOGLE_ADS"
            || destinations[0]?["operatingAccount"]?["accountId"]?.GetValue<string>() is not { } account
            || destinations[0]?["productDestinationId"]?.GetValue<string>() is not { } list)
        {
            Violation("destinations must be one destination with operatingAccount {accountType GOOGLE_ADS, accountId} and productDestinationId");
            await ErrorAsync(context, 400, "INVALID_ARGUMENT", "Invalid destinations.");
            return;
        }

        if (account != OperatingAccount || list != UserList)
        {
            await ErrorAsync(context, 403, "PERMISSION_DENIED", "The caller does not have permission on the destination.");
            return;
        }

        if (request["encoding"]?.GetValue<string>() != "HEX")
        {
            Violation("encoding must be HEX");
            await ErrorAsync(context, 400, "INVALID_ARGUMENT", "Encoding is required for hashed user data.");
            return;
        }

        if (request["audienceMembers"] is not JsonArray members || members.Count is 0 or > 10_000)
        {
            Violation($"audienceMembers must have 1 to 10000 members, not {(request["audienceMembers"] as JsonArray)?.Count}");
            await ErrorAsync(context, 400, "INVALID_ARGUMENT", "Too many audience members.", BadRequest("audience_members", "TOO_MANY_AUDIENCE_MEMBERS"));
            return;
        }

        var ids = new List<string>();
        var violations = new JsonArray();
        for (var i = 0; i < members.Count; i++)
        {
            var (id, problem) = Member(members[i]);
            if (problem is not null)
            {
                if (!problem.StartsWith("rejected", StringComparison.Ordinal))
                {
                    Violation($"member {i}: {problem}");
                }

                violations.Add(new JsonObject { ["field"] = $"audience_members[{i}].user_data.user_identifiers", ["description"] = problem, ["reason"] = "INVALID_SHA256_FORMAT" });
            }

            ids.Add(id);
        }

        if (violations.Count > 0)
        {
            await ErrorAsync(context, 400, "INVALID_ARGUMENT", "There was a problem with the request.", new JsonObject
            {
                ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
                ["fieldViolations"] = violations,
            });
            return;
        }

        foreach (var id in ids)
        {
            Apply(id, remove);
        }

        lock (_calls)
        {
            _calls.Add(new GoogleCall(remove, request.DeepClone().AsObject()));
        }

        await JsonAsync(context, 200, new JsonObject { ["requestId"] = Guid.NewGuid().ToString() });
    }

    private (string Id, string? Problem) Member(JsonNode? member)
    {
        if (member?["userData"]?["userIdentifiers"] is not JsonArray identifiers || identifiers.Count is 0 or > 10)
        {
            return (string.Empty, "userData.userIdentifiers must have 1 to 10 identifiers");
        }

        string? email = null, phone = null, address = null;
        foreach (var identifier in identifiers)
        {
            if (identifier is not JsonObject { Count: 1 } one)
            {
                return (string.Empty, "each identifier sets exactly one of emailAddress, phoneNumber, address");
            }

            if (one["emailAddress"]?.GetValue<string>() is { } e)
            {
                email = e;
            }
            else if (one["phoneNumber"]?.GetValue<string>() is { } p)
            {
                phone = p;
            }
            else if (one["address"] is JsonObject a)
            {
                var given = a["givenName"]?.GetValue<string>();
                var family = a["familyName"]?.GetValue<string>();
                var region = a["regionCode"]?.GetValue<string>();
                var postal = a["postalCode"]?.GetValue<string>();
                if (!IsSha256Hex(given) || !IsSha256Hex(family))
                {
                    return (string.Empty, "address names must be hex SHA-256 digests");
                }

                if (region is not { Length: 2 } || !region.All(char.IsAsciiLetterUpper) || string.IsNullOrEmpty(postal) || IsSha256Hex(postal))
                {
                    return (string.Empty, "address regionCode and postalCode must be sent unhashed");
                }

                address = $"address:{given}:{family}:{region}:{postal}";
            }
            else
            {
                return (string.Empty, "unknown identifier");
            }
        }

        if ((email is not null && !IsSha256Hex(email)) || (phone is not null && !IsSha256Hex(phone)))
        {
            return (string.Empty, "hashed identifiers must be hex SHA-256 digests");
        }

        lock (_calls)
        {
            if (email is not null && _rejected.Contains(email))
            {
                return (email, "rejected: the identifier cannot be processed");
            }
        }

        return (email ?? phone ?? address!, null);
    }

    private static JsonObject BadRequest(string field, string reason) => new()
    {
        ["@type"] = "type.googleapis.com/google.rpc.BadRequest",
        ["fieldViolations"] = new JsonArray(new JsonObject { ["field"] = field, ["reason"] = reason }),
    };
}

public sealed record GoogleCall(bool Remove, JsonObject Body);
