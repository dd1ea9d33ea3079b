using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Audiences.Sdk.Testing.Fakes.HubSpot;

public sealed partial class HubSpotFake
{
    private const int MaxBatch = 100;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        _calls.AddOrUpdate($"{request.Method} {path}", 1, (_, n) => n + 1);
        if (Faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(Faults.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        var isSearch = path.EndsWith("/search", StringComparison.Ordinal);
        if (!string.Equals(request.Headers.Authorization.ToString(), "Bearer " + Token, StringComparison.Ordinal) || Faults.TokenExpired)
        {
            await WriteAsync(context, 401, Error("Authentication credentials not found. This API supports OAuth 2.0 authentication.", "INVALID_AUTHENTICATION")).ConfigureAwait(false);
            return;
        }

        if (Faults.TakeRateLimit())
        {
            var interval = (long)Faults.RateLimitInterval.TotalMilliseconds;
            context.Response.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = interval.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers["X-HubSpot-RateLimit-Max"] = "100";
            context.Response.Headers["X-HubSpot-RateLimit-Remaining"] = "0";
            if (Faults.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            }

            var body = new JsonObject
            {
                ["status"] = "error",
                ["message"] = "You have reached your ten_secondly_rolling limit.",
                ["errorType"] = "RATE_LIMIT",
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["policyName"] = Faults.RateLimitPolicy,
            };
            await WriteAsync(context, 429, body).ConfigureAwait(false);
            return;
        }

        if (Faults.TakeServerError())
        {
            await WriteAsync(context, 502, Error("Bad gateway", "BAD_GATEWAY")).ConfigureAwait(false);
            return;
        }

        if (Faults.TakeMalformed())
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>Gateway maintenance</body></html>", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (!isSearch)
        {
            // Search reports no rate-limit headers; the other endpoints do.
            context.Response.Headers["X-HubSpot-RateLimit-Daily"] = "250000";
            context.Response.Headers["X-HubSpot-RateLimit-Daily-Remaining"] = "249000";
            context.Response.Headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
            context.Response.Headers["X-HubSpot-RateLimit-Max"] = "100";
            context.Response.Headers["X-HubSpot-RateLimit-Remaining"] = "99";
        }

        var segments = path.Trim('/').Split('/');
        JsonNode? input = null;
        if (HttpMethods.IsPost(request.Method))
        {
            try
            {
                input = await JsonNode.ParseAsync(request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                await WriteAsync(context, 400, Error("Invalid input JSON on line 1", "VALIDATION_ERROR")).ConfigureAwait(false);
                return;
            }
        }

        var (status, answer) = segments switch
        {
            ["crm", "v3", "objects", var o, "search"] when HttpMethods.IsPost(request.Method) && ModifiedProperties.ContainsKey(o) => Search(o, input),
            ["crm", "v3", "objects", var o] when HttpMethods.IsGet(request.Method) && ModifiedProperties.ContainsKey(o) => List(o, request.Query),
            ["crm", "v3", "objects", var o, "batch", "read"] when HttpMethods.IsPost(request.Method) && ModifiedProperties.ContainsKey(o) => BatchRead(o, input),
            ["crm", "v3", "objects", var o, "batch", "update"] when HttpMethods.IsPost(request.Method) && ModifiedProperties.ContainsKey(o) => BatchWrite(o, input, upsert: false),
            ["crm", "v3", "objects", var o, "batch", "upsert"] when HttpMethods.IsPost(request.Method) && ModifiedProperties.ContainsKey(o) => BatchWrite(o, input, upsert: true),
            ["crm", "v4", "associations", "deals", "companies", "batch", "read"] when HttpMethods.IsPost(request.Method) => Associations(input),
            _ => (404, Error($"Unable to infer object type from: {path}", "OBJECT_NOT_FOUND")),
        };
        await WriteAsync(context, status, answer).ConfigureAwait(false);
    }

    private (int, JsonObject) Search(string objectType, JsonNode? body)
    {
        var groups = body?["filterGroups"]?.AsArray() ?? [];
        var filterCount = groups.Sum(g => g?["filters"]?.AsArray().Count ?? 0);
        if (groups.Count > 5 || groups.Any(g => (g?["filters"]?.AsArray().Count ?? 0) > 6) || filterCount > 18)
        {
            return (400, Error("Too many filters: at most 5 filterGroups with 6 filters each and 18 in all.", "VALIDATION_ERROR"));
        }

        var limit = body?["limit"]?.GetValue<int>() ?? 10;
        if (limit is < 1 or > 200)
        {
            return (400, Error($"limit must be between 1 and 200, not {limit}.", "VALIDATION_ERROR"));
        }

        var offset = Offset(body?["after"]?.ToString());
        if (offset is null)
        {
            return (400, Error("after is not a valid paging cursor.", "VALIDATION_ERROR"));
        }

        if (offset >= SearchCap)
        {
            return (400, Error($"There was a problem with the request. Paging through more than {SearchCap} results of a search is not supported.", "VALIDATION_ERROR"));
        }

        List<HubSpotFakeRecord> matches;
        lock (_gate)
        {
            // Search never returns archived records.
            matches = [.. _objects[objectType].Values.Where(r => !r.Archived && (groups.Count == 0 || groups.Any(g => (g?["filters"]?.AsArray() ?? []).All(f => Matches(objectType, r, f!)))))];
        }

        if (body?["sorts"]?.AsArray() is [var sort, ..])
        {
            var property = sort is JsonObject ? sort["propertyName"]!.GetValue<string>() : sort!.GetValue<string>().TrimStart('-');
            var descending = sort is JsonObject ? string.Equals(sort["direction"]?.GetValue<string>(), "DESCENDING", StringComparison.Ordinal) : sort!.GetValue<string>().StartsWith('-');
            var ordered = descending
                ? matches.OrderByDescending(r => Comparable(objectType, r, property), ValueComparer.Instance)
                : matches.OrderBy(r => Comparable(objectType, r, property), ValueComparer.Instance);
            matches = [.. ordered.ThenBy(r => long.Parse(r.Id, CultureInfo.InvariantCulture))];
        }

        var wanted = Names(body?["properties"]);
        var page = matches.Skip(offset.Value).Take(limit).ToList();
        var result = new JsonObject
        {
            ["total"] = matches.Count,
            ["results"] = new JsonArray([.. page.Select(r => Shape(objectType, r, wanted, associations: false))]),
        };
        if (offset.Value + limit < matches.Count)
        {
            result["paging"] = Next(offset.Value + limit);
        }

        return (200, result);
    }

    private (int, JsonObject) List(string objectType, IQueryCollection query)
    {
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 10;
        if (limit is < 1 or > 100)
        {
            return (400, Error($"limit must be between 1 and 100, not {limit}.", "VALIDATION_ERROR"));
        }

        if (Offset(query["after"].ToString()) is not { } offset)
        {
            return (400, Error("after is not a valid paging cursor.", "VALIDATION_ERROR"));
        }

        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var withCompanies = query["associations"].ToString().Split(',').Contains("companies", StringComparer.Ordinal);
        var wanted = query["properties"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
        List<HubSpotFakeRecord> records;
        lock (_gate)
        {
            records = [.. _objects[objectType].Values.Where(r => r.Archived == archived)];
        }

        var result = new JsonObject { ["results"] = new JsonArray([.. records.Skip(offset).Take(limit).Select(r => Shape(objectType, r, wanted, withCompanies))]) };
        if (offset + limit < records.Count)
        {
            result["paging"] = Next(offset + limit);
        }

        return (200, result);
    }

    private (int, JsonObject) BatchRead(string objectType, JsonNode? body)
    {
        var inputs = body?["inputs"]?.AsArray() ?? [];
        if (inputs.Count > MaxBatch)
        {
            return (400, TooMany(inputs.Count));
        }

        var idProperty = body?["idProperty"]?.GetValue<string>();
        var wanted = Names(body?["properties"]);
        var results = new JsonArray();
        var missing = new List<string>();
        lock (_gate)
        {
            foreach (var id in inputs.Select(i => i?["id"]?.ToString() ?? string.Empty))
            {
                if (FindBy(objectType, idProperty, id) is { Archived: false } record)
                {
                    results.Add(Shape(objectType, record, wanted, associations: false));
                }
                else
                {
                    missing.Add(id);
                }
            }
        }

        var answer = Batch(results);
        if (missing.Count == 0)
        {
            return (200, answer);
        }

        answer["numErrors"] = 1;
        answer["errors"] = new JsonArray(ItemError($"Could not get some {objectType} objects, they may be deleted or not exist. Check that ids are valid.", "OBJECT_NOT_FOUND", missing));
        return (207, answer);
    }

    private (int, JsonObject) BatchWrite(string objectType, JsonNode? body, bool upsert)
    {
        var inputs = body?["inputs"]?.AsArray() ?? [];
        if (inputs.Count > MaxBatch)
        {
            return (400, TooMany(inputs.Count));
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        lock (_gate)
        {
            foreach (var item in inputs)
            {
                var id = item?["id"]?.ToString() ?? string.Empty;
                var idProperty = item?["idProperty"]?.GetValue<string>();
                if (upsert && (idProperty is null || !_unique[objectType].Contains(idProperty)))
                {
                    return (400, Error($"idProperty '{idProperty}' is not a unique property of {objectType}; upserts need one.", "VALIDATION_ERROR"));
                }

                var properties = (item?["properties"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal);
                if (properties.Keys.FirstOrDefault(p => !_properties[objectType].Contains(p)) is { } unknown)
                {
                    errors.Add(ItemError($"Property values were not valid: [{{\"isValid\":false,\"message\":\"Property \\\"{unknown}\\\" does not exist\",\"error\":\"PROPERTY_DOESNT_EXIST\",\"name\":\"{unknown}\"}}]", "VALIDATION_ERROR", [id]));
                    continue;
                }

                if (Faults.Rejected.TryGetValue(id, out var reason))
                {
                    errors.Add(ItemError($"Property values were not valid: [{{\"isValid\":false,\"message\":\"{reason}\",\"error\":\"INVALID_VALUE\"}}]", "VALIDATION_ERROR", [id]));
                    continue;
                }

                var existing = FindBy(objectType, idProperty, id);
                if (existing is null or { Archived: true } && !upsert)
                {
                    errors.Add(ItemError($"Object not found.  objectId are usually numeric.", "OBJECT_NOT_FOUND", [id]));
                    continue;
                }

                var created = existing is null or { Archived: true };
                var merged = created ? new Dictionary<string, string>(StringComparer.Ordinal) { [idProperty!] = id } : new Dictionary<string, string>(existing!.Properties, StringComparer.Ordinal);
                foreach (var (name, value) in properties)
                {
                    if (value.Length == 0)
                    {
                        merged.Remove(name);
                    }
                    else
                    {
                        merged[name] = value;
                    }
                }

                var key = created ? _nextId++ : long.Parse(existing!.Id, CultureInfo.InvariantCulture);
                var record = new HubSpotFakeRecord(key.ToString(CultureInfo.InvariantCulture), merged, _time.GetUtcNow());
                _objects[objectType][key] = record;
                var shaped = Shape(objectType, record, [.. properties.Keys, .. idProperty is null ? Array.Empty<string>() : [idProperty]], associations: false);
                if (upsert)
                {
                    shaped["new"] = created;
                }

                results.Add(shaped);
            }
        }

        var answer = Batch(results);
        if (errors.Count == 0)
        {
            return (200, answer);
        }

        answer["numErrors"] = errors.Count;
        answer["errors"] = errors;
        return (207, answer);
    }

    private (int, JsonObject) Associations(JsonNode? body)
    {
        var inputs = body?["inputs"]?.AsArray() ?? [];
        if (inputs.Count > 1_000)
        {
            return (400, TooMany(inputs.Count));
        }

        var results = new JsonArray();
        lock (_gate)
        {
            foreach (var id in inputs.Select(i => i?["id"]?.ToString() ?? string.Empty))
            {
                if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var deal) && _dealCompanies.TryGetValue(deal, out var company))
                {
                    results.Add(new JsonObject
                    {
                        ["from"] = new JsonObject { ["id"] = id },
                        ["to"] = new JsonArray(new JsonObject
                        {
                            ["toObjectId"] = company,
                            ["associationTypes"] = new JsonArray(new JsonObject { ["category"] = "HUBSPOT_DEFINED", ["typeId"] = 5, ["label"] = "Primary" }),
                        }),
                    });
                }
            }
        }

        return (200, Batch(results));
    }

    private HubSpotFakeRecord? FindBy(string objectType, string? idProperty, string id)
    {
        if (idProperty is null or "hs_object_id")
        {
            return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var key) && _objects[objectType].TryGetValue(key, out var record) ? record : null;
        }

        return _objects[objectType].Values.FirstOrDefault(r => r.Properties.TryGetValue(idProperty, out var value) && string.Equals(value, id, StringComparison.OrdinalIgnoreCase));
    }

    private static bool Matches(string objectType, HubSpotFakeRecord record, JsonNode filter)
    {
        var property = filter["propertyName"]!.GetValue<string>();
        var op = filter["operator"]!.GetValue<string>();
        var actual = Comparable(objectType, record, property);
        var value = Parse(filter["value"]?.ToString());
        var comparer = ValueComparer.Instance;
        return op switch
        {
            "HAS_PROPERTY" => actual is not null,
            "NOT_HAS_PROPERTY" => actual is null,
            "EQ" => actual is not null && comparer.Compare(actual, value) == 0,
            "NEQ" => actual is null || comparer.Compare(actual, value) != 0,
            "LT" => actual is not null && comparer.Compare(actual, value) < 0,
            "LTE" => actual is not null && comparer.Compare(actual, value) <= 0,
            "GT" => actual is not null && comparer.Compare(actual, value) > 0,
            "GTE" => actual is not null && comparer.Compare(actual, value) >= 0,
            "BETWEEN" => actual is not null && comparer.Compare(actual, value) >= 0 && comparer.Compare(actual, Parse(filter["highValue"]?.ToString())) <= 0,
            "IN" => actual is not null && (filter["values"]?.AsArray() ?? []).Any(v => comparer.Compare(actual, Parse(v?.ToString())) == 0),
            "NOT_IN" => actual is null || !(filter["values"]?.AsArray() ?? []).Any(v => comparer.Compare(actual, Parse(v?.ToString())) == 0),
            _ => false,
        };
    }

    // Dates compare as epoch milliseconds, numbers as numbers, the rest as text ignoring case.
    private static object? Comparable(string objectType, HubSpotFakeRecord record, string property)
    {
        if (string.Equals(property, ModifiedProperties[objectType], StringComparison.Ordinal))
        {
            return (double)record.ModifiedAt.ToUnixTimeMilliseconds();
        }

        if (property == "hs_object_id")
        {
            return double.Parse(record.Id, CultureInfo.InvariantCulture);
        }

        return record.Properties.TryGetValue(property, out var text) ? Parse(text) : null;
    }

    private static object? Parse(string? text) =>
        text is null ? null : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;

    private JsonObject Shape(string objectType, HubSpotFakeRecord record, IReadOnlyCollection<string> wanted, bool associations)
    {
        var modified = record.ModifiedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var properties = new JsonObject { ["hs_object_id"] = record.Id, [ModifiedProperties[objectType]] = modified };
        foreach (var name in wanted.Where(w => record.Properties.ContainsKey(w)))
        {
            properties[name] = record.Properties[name];
        }

        foreach (var name in wanted.Where(w => !properties.ContainsKey(w) && _properties[objectType].Contains(w)))
        {
            properties[name] = null;
        }

        var shaped = new JsonObject
        {
            ["id"] = record.Id,
            ["properties"] = properties,
            ["createdAt"] = modified,
            ["updatedAt"] = modified,
            ["archived"] = record.Archived,
        };
        if (record.ArchivedAt is { } archivedAt)
        {
            shaped["archivedAt"] = archivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        }

        if (associations && objectType == "deals" && _dealCompanies.TryGetValue(long.Parse(record.Id, CultureInfo.InvariantCulture), out var company))
        {
            shaped["associations"] = new JsonObject
            {
                ["companies"] = new JsonObject { ["results"] = new JsonArray(new JsonObject { ["id"] = company.ToString(CultureInfo.InvariantCulture), ["type"] = "deal_to_company" }) },
            };
        }

        return shaped;
    }

    private JsonObject Batch(JsonArray results)
    {
        // HubSpot does not answer a batch's results in input order; rotating them makes matching by position fail.
        if (results.Count >= 2)
        {
            var first = results[0];
            results.RemoveAt(0);
            results.Add(first);
        }

        var now = _time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        return new JsonObject { ["status"] = "COMPLETE", ["results"] = results, ["startedAt"] = now, ["completedAt"] = now };
    }

    private static JsonObject Next(int offset) => new()
    {
        ["next"] = new JsonObject { ["after"] = offset.ToString(CultureInfo.InvariantCulture), ["link"] = "?after=" + offset.ToString(CultureInfo.InvariantCulture) },
    };

    private static int? Offset(string? after) =>
        string.IsNullOrEmpty(after) ? 0 : int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : null;

    private static string[] Names(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];

    private static JsonObject TooMany(int count) =>
        Error($"Batch input too large: {count} inputs, but at most {MaxBatch} are allowed.", "VALIDATION_ERROR");

    private static JsonObject ItemError(string message, string category, IEnumerable<string> ids) => new()
    {
        ["status"] = "error",
        ["category"] = category,
        ["message"] = message,
        ["context"] = new JsonObject { ["ids"] = new JsonArray([.. ids.Select(i => (JsonNode)i)]) },
    };

    private static JsonObject Error(string message, string category) => new()
    {
        ["status"] = "error",
        ["message"] = message,
        ["correlationId"] = Guid.NewGuid().ToString(),
        ["category"] = category,
    };

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private sealed class ValueComparer : IComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (double a, double b) => a.CompareTo(b),
            _ => string.Compare(x.ToString(), y.ToString(), StringComparison.OrdinalIgnoreCase),
        };
    }
}
