using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.HubSpot;

/// <summary>
/// Writes one HubSpot object (contacts, companies or deals) in batches of at most 100: updates through
/// <c>batch/update</c> and, when keyed by a unique property (e.g. a contact's <c>email</c>), creates through
/// <c>batch/upsert</c>. Each record is answered from HubSpot's multi-status body: a result is a success, an error
/// names the inputs it is about in its <c>context.ids</c> and carries HubSpot's message. Reads go through
/// <c>batch/read</c>. Keyed by <c>id</c> (HubSpot's record id) it cannot create, as HubSpot assigns ids. It removes
/// nothing. A rate limit (429) fails the call with the wait HubSpot's headers name.
/// </summary>
public sealed class HubSpotDestination : IDestination
{
    private const int BatchSize = 100;

    private readonly HubSpotClient _client;
    private readonly string _object;
    private readonly string _key;
    private readonly IReadOnlyList<string> _properties;

    internal HubSpotDestination(HubSpotClient client, string objectType, string key, IReadOnlyList<string> properties)
    {
        _client = client;
        _object = objectType;
        _key = key;
        _properties = properties;
    }

    private bool ById => _key == "id";

    /// <inheritdoc />
    public ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        var names = new List<string> { _key };
        names.AddRange(HubSpotObjects.Standard(_object).Select(s => s.Property).Concat(_properties).Where(n => !names.Contains(n)).Distinct(StringComparer.Ordinal));
        var description = new DestinationDescription(_object, _key, [.. names.Select(n => new DestinationField(n, FieldType.Text))])
        {
            MaxBatchSize = BatchSize,
            MaxReadSize = BatchSize,
            CanRead = true,
            CanCreate = !ById,
            CanRemove = false,
        };
        return ValueTask.FromResult(description);
    }

    /// <inheritdoc />
    /// <exception cref="DestinationUnavailableException">HubSpot refused the token, rate-limited the read, or failed.</exception>
    public async IAsyncEnumerable<DestinationRecord> ReadAsync(DestinationReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var chunk in request.Keys.Chunk(BatchSize))
        {
            var body = new JsonObject
            {
                ["properties"] = new JsonArray([.. request.Fields.Where(f => f != _key).Append(_key).Where(f => f != "id").Select(f => (JsonNode)f)]),
                ["inputs"] = new JsonArray([.. chunk.Select(k => (JsonNode)new JsonObject { ["id"] = k })]),
            };
            if (!ById)
            {
                body["idProperty"] = _key;
            }

            var (_, answer) = await CallAsync(HttpMethod.Post, $"crm/v3/objects/{_object}/batch/read", body, cancellationToken).ConfigureAwait(false);
            var asked = chunk.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);
            foreach (var result in answer["results"]?.AsArray() ?? [])
            {
                var properties = result!["properties"]?.AsObject() ?? [];
                var found = ById ? result["id"]?.ToString() : properties[_key]?.ToString();
                if (found is null || !asked.TryGetValue(found, out var key))
                {
                    continue;
                }

                var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
                foreach (var field in request.Fields)
                {
                    values[field] = field == _key ? FieldValue.FromText(key) : properties[field]?.ToString() is { Length: > 0 } text ? FieldValue.FromText(text) : FieldValue.Empty;
                }

                yield return new DestinationRecord(key, values);
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="DestinationUnavailableException">HubSpot refused the token, rate-limited the call, or failed.</exception>
    public async Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        cancellationToken.ThrowIfCancellationRequested();
        var results = new List<DestinationResult>(writes.Count);
        var updates = new List<DestinationWrite>();
        var upserts = new List<DestinationWrite>();
        foreach (var write in writes)
        {
            switch (write.Kind)
            {
                case DestinationWriteKind.Update:
                    updates.Add(write);
                    break;
                case DestinationWriteKind.Create when !ById:
                    upserts.Add(write);
                    break;
                case DestinationWriteKind.Create:
                    results.Add(DestinationResult.Failure(write.Key, "HubSpot assigns record ids: a destination keyed by 'id' cannot create records; key it by a unique property (e.g. email).", retryable: false));
                    break;
                default:
                    results.Add(DestinationResult.Failure(write.Key, "The hubspot destination does not remove records.", retryable: false));
                    break;
            }
        }

        foreach (var chunk in updates.Chunk(BatchSize))
        {
            results.AddRange(await SendAsync("update", chunk, cancellationToken).ConfigureAwait(false));
        }

        foreach (var chunk in upserts.Chunk(BatchSize))
        {
            results.AddRange(await SendAsync("upsert", chunk, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<List<DestinationResult>> SendAsync(string operation, DestinationWrite[] writes, CancellationToken cancellationToken)
    {
        var inputs = new JsonArray();
        foreach (var write in writes)
        {
            var properties = new JsonObject();
            foreach (var (field, value) in write.Values.Where(v => v.Key != _key))
            {
                properties[field] = Text(value);
            }

            var input = new JsonObject { ["id"] = write.Key, ["properties"] = properties };
            if (!ById)
            {
                input["idProperty"] = _key;
            }

            inputs.Add(input);
        }

        var (_, answer) = await CallAsync(HttpMethod.Post, $"crm/v3/objects/{_object}/batch/{operation}", new JsonObject { ["inputs"] = inputs }, cancellationToken).ConfigureAwait(false);
        var keys = writes.ToDictionary(w => w.Key, w => w.Key, StringComparer.OrdinalIgnoreCase);
        var answered = new Dictionary<string, DestinationResult>(StringComparer.Ordinal);
        foreach (var result in answer["results"]?.AsArray() ?? [])
        {
            var found = ById ? result!["id"]?.ToString() : result!["properties"]?[_key]?.ToString();
            if (found is not null && keys.TryGetValue(found, out var key))
            {
                answered[key] = DestinationResult.Success(key);
            }
        }

        foreach (var error in answer["errors"]?.AsArray() ?? [])
        {
            var category = error!["category"]?.ToString();
            var message = error["message"]?.ToString() ?? "HubSpot refused the record.";
            var retryable = category is not ("VALIDATION_ERROR" or "OBJECT_NOT_FOUND");
            foreach (var id in error["context"]?["ids"]?.AsArray() ?? [])
            {
                if (id?.ToString() is { } text && keys.TryGetValue(text, out var key))
                {
                    answered[key] = DestinationResult.Failure(key, $"HubSpot: {message}", retryable);
                }
            }
        }

        List<DestinationResult> results = [.. writes.Select(w => answered.TryGetValue(w.Key, out var result) ? result : DestinationResult.Failure(w.Key, "HubSpot's answer did not name this record."))];
        var succeeded = results.Count(r => r.Succeeded);
        HubSpotLog.BatchWritten(_client.Logger, _object, operation, succeeded, results.Count - succeeded);
        return results;
    }

    // HubSpot takes every value as text: numbers invariant, date-times as epoch milliseconds, lists ';'-joined, and
    // an empty string to clear.
    private static string Text(FieldValue value) => value.Type switch
    {
        FieldType.DateTime => value.AsDateTime().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        FieldType.TextList => string.Join(';', value.AsList()),
        _ => value.ToString(),
    };

    private async Task<(int, JsonNode)> CallAsync(HttpMethod method, string path, JsonNode body, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        }
        catch (HubSpotCallException e)
        {
            throw new DestinationUnavailableException(e.Message, e) { RetryAfter = e.RetryAfter, Transient = e.Transient };
        }
    }
}
