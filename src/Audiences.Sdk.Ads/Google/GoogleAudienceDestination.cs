using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Audiences.Sdk.Destinations;

namespace Audiences.Sdk.Ads.Google;

/// <summary>
/// A Google Customer Match user list through the Data Manager API: adds are <c>POST v1/audienceMembers:ingest</c>,
/// removals <c>POST v1/audienceMembers:remove</c>, each naming the destination (operating account, optional login
/// account, user list as <c>productDestinationId</c>) and carrying the members' hex SHA-256 identifiers. A request
/// Google refuses with field violations naming members fails those members alone; the rest are sent again.
/// </summary>
internal sealed class GoogleAudienceDestination(DestinationDescription description, AdHttp http, AdConnection connection, GoogleTarget target, GoogleNormalizer normalizer)
    : AdAudienceDestination<GooglePerson>(description, http)
{
    /// <summary>The most audience members Google takes in one request.</summary>
    public const int MaxMembersPerRequest = 10_000;

    protected override GooglePerson? Prepare(DestinationWrite write, out string? reason) => normalizer.Person(write.Values, out reason);

    protected override async Task<IReadOnlyDictionary<string, DestinationResult>> SendAsync(IReadOnlyList<AdMember<GooglePerson>> members, CancellationToken cancellationToken)
    {
        var failures = new Dictionary<string, DestinationResult>(StringComparer.Ordinal);
        foreach (var remove in new[] { false, true })
        {
            var batches = members.Where(m => m.Remove == remove).Chunk(connection.BatchSize).ToList();
            for (var i = 0; i < batches.Count; i++)
            {
                await SendBatchAsync(batches[i].ToList(), remove, i + 1, batches.Count, failures, cancellationToken).ConfigureAwait(false);
            }
        }

        return failures;
    }

    private async Task SendBatchAsync(List<AdMember<GooglePerson>> batch, bool remove, int sequence, int count, Dictionary<string, DestinationResult> failures, CancellationToken cancellationToken)
    {
        // Each round either succeeds or drops at least one rejected member, so it ends.
        while (batch.Count > 0)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(connection.Endpoint, remove ? "v1/audienceMembers:remove" : "v1/audienceMembers:ingest"))
            {
                Content = new StringContent(Body(batch, remove).ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", connection.Token);
            var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Succeeded)
            {
                AdLog.Sent(Http.Logger, Http.Platform, Http.Audience, batch.Count, remove ? "remove" : "add", sequence, count);
                return;
            }

            var error = GoogleErrors.Read(response.Body);
            var rejected = error.Violations.Keys.Where(i => i >= 0 && i < batch.Count).ToHashSet();
            if (response.Status != HttpStatusCode.BadRequest || rejected.Count == 0)
            {
                throw Http.Unavailable(response, error.Detail, error.RetryDelay);
            }

            foreach (var index in rejected)
            {
                failures[batch[index].Key] = DestinationResult.Failure(batch[index].Key, $"Google rejected the member: {error.Violations[index]}", retryable: false);
            }

            AdLog.RowsRejected(Http.Logger, Http.Platform, Http.Audience, rejected.Count);
            batch = batch.Where((_, i) => !rejected.Contains(i)).ToList();
        }
    }

    internal JsonObject Body(IReadOnlyList<AdMember<GooglePerson>> batch, bool remove)
    {
        var body = new JsonObject
        {
            ["destinations"] = new JsonArray(target.Destination()),
            ["audienceMembers"] = new JsonArray(batch.Select(m => (JsonNode)Member(m.Person)).ToArray()),
            ["encoding"] = "HEX",
        };
        if (!remove && target.Consent is { } consent)
        {
            body["consent"] = new JsonObject { ["adUserData"] = consent, ["adPersonalization"] = consent };
        }

        return body;
    }

    internal static JsonObject Member(GooglePerson person)
    {
        var identifiers = new JsonArray();
        if (person.Email is { } email)
        {
            identifiers.Add(new JsonObject { ["emailAddress"] = AdHashing.Sha256Hex(email) });
        }

        if (person.Phone is { } phone)
        {
            identifiers.Add(new JsonObject { ["phoneNumber"] = AdHashing.Sha256Hex(phone) });
        }

        if (person.Address is { } address)
        {
            identifiers.Add(new JsonObject
            {
                ["address"] = new JsonObject
                {
                    ["givenName"] = AdHashing.Sha256Hex(address.GivenName),
                    ["familyName"] = AdHashing.Sha256Hex(address.FamilyName),
                    ["regionCode"] = address.RegionCode,
                    ["postalCode"] = address.PostalCode,
                },
            });
        }

        return new JsonObject { ["userData"] = new JsonObject { ["userIdentifiers"] = identifiers } };
    }
}
