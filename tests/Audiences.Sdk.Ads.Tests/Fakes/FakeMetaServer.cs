using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Audiences.Sdk.Ads.Tests.Fakes;

/// <summary>
/// A fake Graph API custom audience: <c>POST</c>/<c>DELETE /{version}/{audience}/users</c> with <c>access_token</c>,
/// a multi-key <c>payload</c> (at most 10,000 rows of 64-char lowercase hex digests, each row as wide as the schema)
/// and a <c>session</c> whose <c>batch_seq</c> counts from 1 until <c>last_batch_flag</c>. Members are keyed by their
/// hashed email, else their hashed phone. Errors use the Graph error envelope.
/// </summary>
public sealed class FakeMetaServer : FakePlatformServer
{
    private static readonly HashSet<string> Known = ["EXTERN_ID", "EMAIL", "PHONE", "GEN", "DOBY", "DOBM", "DOBD", "LN", "FN", "FI", "CT", "ST", "ZIP", "MADID", "COUNTRY"];
    private readonly Dictionary<long, long> _nextSequence = [];
    private readonly List<MetaCall> _calls = [];

    public string AudienceId { get; init; } = "23850000000000001";

    /// <summary>The calls taken, in order.</summary>
    public IReadOnlyList<MetaCall> Received
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Sessions begun and not closed by a last batch.</summary>
    public int OpenSessions
    {
        get
        {
            lock (_calls)
            {
                return _nextSequence.Count;
            }
        }
    }

    public static Task ErrorAsync(HttpContext context, int status, int code, string message, int? subcode = null, string type = "OAuthException")
    {
        var error = new JsonObject { ["message"] = message, ["type"] = type, ["code"] = code, ["fbtrace_id"] = "AbCdEf123" };
        if (subcode is not null)
        {
            error["error_subcode"] = subcode;
        }

        return JsonAsync(context, status, new JsonObject { ["error"] = error });
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/{version}/{audience}/users", context => HandleAsync(context, remove: false));
        app.MapDelete("/{version}/{audience}/users", context => HandleAsync(context, remove: true));
    }

    private async Task HandleAsync(HttpContext context, bool remove)
    {
        if (await FailedAsync(context))
        {
            return;
        }

        var body = await BodyAsync(context);
        if (body?["access_token"]?.GetValue<string>() != Token)
        {
            await ErrorAsync(context, 400, 190, "Invalid OAuth access token - Cannot parse access token");
            return;
        }

        var version = (string)context.Request.RouteValues["version"]!;
        if (!version.StartsWith('v') || !version.Contains('.', StringComparison.Ordinal))
        {
            Violation($"version '{version}'");
            await ErrorAsync(context, 400, 2500, $"Unknown path components: /{version}", type: "OAuthException");
            return;
        }

        if ((string)context.Request.RouteValues["audience"]! != AudienceId)
        {
            await ErrorAsync(context, 400, 100, "Unsupported post request. Object does not exist, cannot be loaded due to missing permissions, or does not support this operation", 33, "GraphMethodException");
            return;
        }

        if (Check(body!, out var schema, out var rows, out var session) is { } problem)
        {
            Violation(problem);
            await ErrorAsync(context, 400, 100, $"(#100) {problem}", type: "OAuthException");
            return;
        }

        foreach (var row in rows)
        {
            var id = row.TryGetValue("EMAIL", out var email) && email.Length > 0 ? email : row.GetValueOrDefault("PHONE", string.Empty);
            Apply(id, remove);
        }

        lock (_calls)
        {
            _calls.Add(new MetaCall(remove, schema, rows, session));
        }

        await JsonAsync(context, 200, new JsonObject
        {
            ["audience_id"] = AudienceId,
            ["session_id"] = session.SessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["num_received"] = rows.Count,
            ["num_invalid_entries"] = 0,
            ["invalid_entry_samples"] = new JsonObject(),
        });
    }

    private string? Check(JsonNode body, out IReadOnlyList<string> schema, out List<Dictionary<string, string>> rows, out MetaSession session)
    {
        schema = [];
        rows = [];
        session = new MetaSession(0, 0, false, null);
        if (body["payload"] is not JsonObject payload || payload["schema"] is not JsonArray keys || payload["data"] is not JsonArray data)
        {
            return "payload must have a schema array and a data array";
        }

        schema = keys.Select(k => k!.GetValue<string>()).ToList();
        if (schema.Count == 0 || schema.Any(k => !Known.Contains(k)) || schema.Distinct().Count() != schema.Count)
        {
            return $"schema [{string.Join(",", schema)}] has an unknown or repeated key";
        }

        if (data.Count is 0 or > 10_000)
        {
            return $"data has {data.Count} rows; a request takes 1 to 10000";
        }

        foreach (var row in data)
        {
            if (row is not JsonArray cells || cells.Count != schema.Count)
            {
                return "a data row is not as wide as the schema";
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < schema.Count; i++)
            {
                var cell = cells[i]?.GetValue<string>() ?? string.Empty;
                if (cell.Length > 0 && !IsSha256Hex(cell))
                {
                    return $"a {schema[i]} value is not a lowercase hex SHA-256 digest";
                }

                values[schema[i]] = cell;
            }

            if (values.GetValueOrDefault("EMAIL", string.Empty).Length == 0 && values.GetValueOrDefault("PHONE", string.Empty).Length == 0)
            {
                return "a row has neither EMAIL nor PHONE";
            }

            rows.Add(values);
        }

        if (body["session"] is not JsonObject s || s["session_id"] is null || s["batch_seq"] is null || s["last_batch_flag"] is null)
        {
            return "session must have session_id, batch_seq and last_batch_flag";
        }

        session = new MetaSession(s["session_id"]!.GetValue<long>(), s["batch_seq"]!.GetValue<int>(), s["last_batch_flag"]!.GetValue<bool>(), s["estimated_num_total"]?.GetValue<long>());
        lock (_calls)
        {
            var expected = _nextSequence.GetValueOrDefault(session.SessionId, 1);
            if (session.SessionId <= 0 || session.BatchSeq != expected)
            {
                return $"session {session.SessionId}: batch_seq {session.BatchSeq}, expected {expected}";
            }

            if (session.LastBatch)
            {
                _nextSequence.Remove(session.SessionId);
            }
            else
            {
                _nextSequence[session.SessionId] = expected + 1;
            }
        }

        return null;
    }
}

public sealed record MetaSession(long SessionId, int BatchSeq, bool LastBatch, long? EstimatedTotal);

public sealed record MetaCall(bool Remove, IReadOnlyList<string> Schema, IReadOnlyList<Dictionary<string, string>> Rows, MetaSession Session);
