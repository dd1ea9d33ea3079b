using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.HubSpot;

/// <summary>
/// Reads one HubSpot object (contacts, companies or deals) through the CRM search endpoint, sorted ascending on the
/// object's last-modified property (<c>lastmodifieddate</c> for contacts, <c>hs_lastmodifieddate</c> otherwise) and
/// paged with <c>after</c>. The cursor is that property's highest value read, in epoch milliseconds; an incremental
/// read searches from it (less the overlap). Search pages through at most 10,000 results of one query, so a read
/// that reaches the cap starts a new query from the last modified time it read. Archived records, which search never
/// returns, are listed after the live ones and reported in <see cref="SourceBatch.Deleted"/>. A deal names its primary
/// company as its <see cref="SourceItem.Account"/> (object <c>companies</c>) and carries the company's id in
/// <c>hubspot_company_id</c> too, the owner field a sync of deals as related records of their companies names
/// (<c>new RelatedTarget("deal", EntityKind.Company, "hubspot_company_id") { OwnerObject = "companies" }</c>).
/// </summary>
public sealed class HubSpotSource : ISource
{
    private const int PageSize = 100;
    private const int SearchCap = 10_000;

    private readonly HubSpotClient _client;
    private readonly string _object;
    private readonly IReadOnlyList<string> _extra;
    private readonly TimeSpan _overlap;
    private readonly TimeProvider _time;

    internal HubSpotSource(HubSpotClient client, string objectType, IReadOnlyList<string> extraProperties, TimeSpan overlap, TimeProvider time)
    {
        _client = client;
        _object = objectType;
        _extra = extraProperties;
        _overlap = overlap;
        _time = time;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SourceObject>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        List<SourceField> fields = [new("id", FieldType.Text)];
        fields.AddRange(HubSpotObjects.Standard(_object).Select(s => new SourceField(s.Field, s.Type)));
        fields.AddRange(_extra.Where(e => fields.All(f => f.Name != e)).Select(e => new SourceField(e, FieldType.Text)));
        fields.Add(new SourceField("updated_at", FieldType.DateTime));
        if (_object == "deals")
        {
            fields.Add(new SourceField(HubSpotObjects.CompanyIdField, FieldType.Text));
        }

        return ValueTask.FromResult<IReadOnlyList<SourceObject>>([new SourceObject(_object, fields)]);
    }

    /// <inheritdoc />
    /// <exception cref="SourceUnavailableException">HubSpot refused the token, rate-limited the read past its retries, or failed.</exception>
    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.ObjectName, _object, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The hubspot source reads '{_object}', not '{request.ObjectName}'.", nameof(request));
        }

        long? cursor = null;
        if (request.Mode == SourceReadMode.Incremental && request.Cursor is { } text)
        {
            cursor = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
                ? c
                : throw new ArgumentException($"The cursor '{text}' was not written by the hubspot source (it writes the last modified time read, in epoch milliseconds); reset the sync's cursor.", nameof(request));
        }

        // Pages of the batch size asked, as far as HubSpot's page size of 100 allows.
        var pageSize = Math.Clamp(request.BatchSize, 1, PageSize);
        var since = cursor - (long)_overlap.TotalMilliseconds;
        var lower = since;
        var watermark = cursor;

        // The upper bound is fixed for the whole read, so each query of it sees the same records.
        var upper = _time.GetUtcNow().ToUnixTimeMilliseconds() + 1;
        var modified = HubSpotObjects.ModifiedProperty(_object);
        JsonArray properties = [.. HubSpotObjects.Standard(_object).Select(s => (JsonNode)s.Property), .. _extra.Select(e => (JsonNode)e), modified];
        HashSet<string> boundary = [];
        var done = false;
        while (!done)
        {
            string? after = null;
            var read = 0;
            long? last = null;
            HashSet<string> lastIds = [];
            while (true)
            {
                if (read + pageSize > SearchCap)
                {
                    // The next page would pass the cap: start a new query at the last time read, skipping the records
                    // of that very millisecond already read.
                    if (last == lower)
                    {
                        throw new SourceUnavailableException($"More than {SearchCap} {_object} share the {modified} {last}; HubSpot's search cannot page through them.");
                    }

                    lower = last;
                    boundary = lastIds;
                    HubSpotLog.SearchWindowMoved(_client.Logger, _object, SearchCap, read, modified, last ?? 0);
                    break;
                }

                JsonArray filters = [Filter(modified, "LT", upper)];
                if (lower is { } from)
                {
                    filters.Insert(0, Filter(modified, "GTE", from));
                }

                var body = new JsonObject
                {
                    ["filterGroups"] = new JsonArray(new JsonObject { ["filters"] = filters }),
                    ["sorts"] = new JsonArray(new JsonObject { ["propertyName"] = modified, ["direction"] = "ASCENDING" }),
                    ["properties"] = properties.DeepClone(),
                    ["limit"] = pageSize,
                };
                if (after is not null)
                {
                    body["after"] = after;
                }

                var (_, answer) = await CallAsync(HttpMethod.Post, $"crm/v3/objects/{_object}/search", body, cancellationToken).ConfigureAwait(false);
                var results = Results(answer, "search");
                read += results.Count;
                var companies = _object == "deals" ? await CompaniesAsync(results, cancellationToken).ConfigureAwait(false) : null;
                var items = new List<SourceItem>(results.Count);
                foreach (var result in results)
                {
                    var id = result!["id"]!.ToString();
                    var at = Millis(result["properties"]?[modified]?.ToString());
                    if (at is { } ms)
                    {
                        if (ms != last)
                        {
                            lastIds = [];
                        }

                        last = ms;
                        lastIds.Add(id);
                        watermark = watermark is { } w ? Math.Max(w, ms) : ms;
                    }

                    if (at == lower && boundary.Contains(id))
                    {
                        continue;
                    }

                    items.Add(Item(id, result, companies));
                }

                after = answer["paging"]?["next"]?["after"]?.ToString();
                HubSpotLog.PageRead(_client.Logger, _object, results.Count, after is not null);
                yield return new SourceBatch(items, watermark?.ToString(CultureInfo.InvariantCulture));
                if (after is null)
                {
                    done = true;
                    break;
                }
            }
        }

        var deleted = await ArchivedAsync(since, cancellationToken).ConfigureAwait(false);
        if (deleted.Count > 0)
        {
            yield return new SourceBatch([], watermark?.ToString(CultureInfo.InvariantCulture)) { Deleted = deleted };
        }
    }

    private async Task<List<string>> ArchivedAsync(long? since, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var path = $"crm/v3/objects/{_object}?archived=true&limit=100" + (after is null ? string.Empty : "&after=" + Uri.EscapeDataString(after));
            var (_, answer) = await CallAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
            foreach (var result in Results(answer, "archived list"))
            {
                var archivedAt = Millis(result!["archivedAt"]?.ToString());
                if (since is null || archivedAt is null || archivedAt >= since)
                {
                    ids.Add(result["id"]!.ToString());
                }
            }

            after = answer["paging"]?["next"]?["after"]?.ToString();
        }
        while (after is not null);
        return ids;
    }

    private async Task<Dictionary<string, string>> CompaniesAsync(JsonArray deals, CancellationToken cancellationToken)
    {
        var companies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (deals.Count == 0)
        {
            return companies;
        }

        var body = new JsonObject { ["inputs"] = new JsonArray([.. deals.Select(d => (JsonNode)new JsonObject { ["id"] = d!["id"]!.ToString() })]) };
        var (_, answer) = await CallAsync(HttpMethod.Post, "crm/v4/associations/deals/companies/batch/read", body, cancellationToken).ConfigureAwait(false);
        foreach (var result in Results(answer, "association read"))
        {
            var targets = result!["to"]?.AsArray() ?? [];

            // The primary company (type 5) when marked, else the first associated.
            var primary = targets.FirstOrDefault(t => (t!["associationTypes"]?.AsArray() ?? []).Any(a => a?["typeId"]?.GetValue<int>() == 5)) ?? targets.FirstOrDefault();
            if (primary is not null)
            {
                companies[result["from"]!["id"]!.ToString()] = primary["toObjectId"]!.ToString();
            }
        }

        return companies;
    }

    private SourceItem Item(string id, JsonNode result, Dictionary<string, string>? companies)
    {
        var properties = result["properties"]?.AsObject() ?? [];
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal) { ["id"] = FieldValue.FromText(id) };
        foreach (var (property, field, type) in HubSpotObjects.Standard(_object))
        {
            values[field] = Value(properties[property]?.ToString(), type);
        }

        foreach (var extra in _extra.Where(e => !values.ContainsKey(e)))
        {
            values[extra] = Value(properties[extra]?.ToString(), FieldType.Text);
        }

        if (Millis(properties[HubSpotObjects.ModifiedProperty(_object)]?.ToString()) is { } ms)
        {
            values["updated_at"] = FieldValue.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms));
        }

        string? company = null;
        if (companies is not null)
        {
            company = companies.GetValueOrDefault(id);
            values[HubSpotObjects.CompanyIdField] = company is null ? FieldValue.Empty : FieldValue.FromText(company);
        }

        return new SourceItem(id, values) { Account = company is null ? null : new SourceReference(HubSpotObjects.CompaniesObject, company) };
    }

    private static FieldValue Value(string? text, FieldType type)
    {
        if (string.IsNullOrEmpty(text))
        {
            return FieldValue.Empty;
        }

        return type switch
        {
            FieldType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => FieldValue.FromNumber(number),
            FieldType.DateTime when Millis(text) is { } ms => FieldValue.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms)),
            _ => FieldValue.FromText(text),
        };
    }

    // HubSpot writes datetimes as ISO-8601 in results and takes epoch milliseconds in filters; both are read.
    internal static long? Millis(string? text) =>
        text is null ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? ms
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUnixTimeMilliseconds()
        : null;

    // A page without a results array is no answer to read from; taken as empty, it would end the read early.
    private JsonArray Results(JsonNode answer, string call) =>
        answer["results"] as JsonArray
        ?? throw new SourceUnavailableException($"HubSpot's answer to the {_object} {call} has no results array; it is not JSON HubSpot sends.");

    private static JsonObject Filter(string property, string op, long value) => new()
    {
        ["propertyName"] = property,
        ["operator"] = op,
        ["value"] = value.ToString(CultureInfo.InvariantCulture),
    };

    private async Task<(int, JsonNode)> CallAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.SendAsync(method, path, body, cancellationToken).ConfigureAwait(false);
        }
        catch (HubSpotCallException e)
        {
            throw new SourceUnavailableException(e.Message, e) { RetryAfter = e.RetryAfter };
        }
    }
}
