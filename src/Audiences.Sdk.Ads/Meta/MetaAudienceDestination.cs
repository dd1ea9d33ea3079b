using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Ads.Meta;

/// <summary>
/// A Meta custom audience: adds are <c>POST /{audience}/users</c>, removals <c>DELETE /{audience}/users</c>, each with
/// a multi-key <c>payload</c> of SHA-256 hex digests and a <c>session</c>. The writes of one call that need more than
/// one request (more than <c>batch-size</c> rows) share a session: one <c>session_id</c>, <c>batch_seq</c> from 1,
/// <c>last_batch_flag</c> on the last, and <c>estimated_num_total</c> the call's row count.
/// </summary>
internal sealed class MetaAudienceDestination(DestinationDescription description, AdHttp http, AdConnection connection, string version, string audienceId, MetaNormalizer normalizer)
    : AdAudienceDestination<MetaPerson>(description, http)
{
    /// <summary>The most rows Meta takes in one request.</summary>
    public const int MaxRowsPerRequest = 10_000;

    protected override MetaPerson? Prepare(DestinationWrite write, out string? reason) => normalizer.Person(write.Values, out reason);

    protected override async Task<IReadOnlyDictionary<string, DestinationResult>> SendAsync(IReadOnlyList<AdMember<MetaPerson>> members, CancellationToken cancellationToken)
    {
        foreach (var remove in new[] { false, true })
        {
            var people = members.Where(m => m.Remove == remove).Select(m => m.Person).ToList();
            if (people.Count > 0)
            {
                await SendSessionAsync(people, remove, cancellationToken).ConfigureAwait(false);
            }
        }

        // Meta answers with counts, not rows: a row it could not use is counted as invalid (and logged), never named.
        return new Dictionary<string, DestinationResult>();
    }

    private async Task SendSessionAsync(List<MetaPerson> people, bool remove, CancellationToken cancellationToken)
    {
        var sessionId = NewSessionId();
        var batches = people.Chunk(connection.BatchSize).ToList();
        for (var i = 0; i < batches.Count; i++)
        {
            var body = new JsonObject
            {
                ["access_token"] = connection.Token,
                ["payload"] = Payload(batches[i]),
                ["session"] = new JsonObject
                {
                    ["session_id"] = sessionId,
                    ["batch_seq"] = i + 1,
                    ["last_batch_flag"] = i == batches.Count - 1,
                    ["estimated_num_total"] = people.Count,
                },
            };
            using var request = new HttpRequestMessage(remove ? HttpMethod.Delete : HttpMethod.Post, new Uri(connection.Endpoint, $"{version}/{audienceId}/users"))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.Succeeded)
            {
                throw MetaErrors.Unavailable(Http, response);
            }

            AdLog.Sent(Http.Logger, Http.Platform, Http.Audience, batches[i].Length, remove ? "remove" : "add", i + 1, batches.Count);
            Counts(response, batches[i].Length);
        }
    }

    /// <summary>The multi-key payload: only the keys some row of the batch has, in a fixed order; an unknown value is "".</summary>
    internal static JsonObject Payload(IReadOnlyList<MetaPerson> rows)
    {
        var columns = Enumerable.Range(0, MetaPerson.Keys.Count).Where(k => rows.Any(r => r[k] is not null)).ToList();
        var data = new JsonArray();
        foreach (var row in rows)
        {
            var cells = new JsonArray();
            foreach (var column in columns)
            {
                cells.Add(row[column] is { } value ? AdHashing.Sha256Hex(value) : string.Empty);
            }

            data.Add(cells);
        }

        return new JsonObject
        {
            ["schema"] = new JsonArray(columns.Select(c => (JsonNode)MetaPerson.Keys[c]).ToArray()),
            ["data"] = data,
        };
    }

    private void Counts(AdResponse response, int sent)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("num_invalid_entries", out var invalid) && invalid.TryGetInt64(out var invalidCount) && invalidCount > 0)
            {
                var received = root.TryGetProperty("num_received", out var r) && r.TryGetInt64(out var receivedCount) ? receivedCount : sent;
                AdLog.InvalidEntries(Http.Logger, Http.Platform, Http.Audience, invalidCount, received);
            }
        }
        catch (JsonException)
        {
            // The counts only feed a log line; a body without them still means the request was taken.
        }
    }

    /// <summary>A client-chosen, positive 64-bit session id; random, so retried calls open sessions of their own.</summary>
    private static long NewSessionId() => (BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & long.MaxValue) | 1;
}
