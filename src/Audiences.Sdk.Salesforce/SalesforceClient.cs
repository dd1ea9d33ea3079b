using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Salesforce;

/// <summary>
/// Calls one org's Bulk API 2.0: sends the bearer token (refreshing it once on 401), sends a call again on a server
/// error, turns Salesforce's error arrays into <see cref="SalesforceApiException"/>, polls jobs with backoff, and pages
/// query results by <c>Sforce-Locator</c>.
/// </summary>
internal sealed class SalesforceClient
{
    private static readonly HttpClient SharedHttp = new();
    private readonly HttpClient _http;
    private readonly Uri _instanceUrl;
    private readonly string _basePath;
    private readonly ISalesforceTokenProvider _tokens;
    private readonly SalesforceOptions _options;
    private readonly TimeProvider _time;
    private readonly string _objectName;
    private readonly ILogger _logger;
    private string? _token;
    private bool _usageWarned;

    public SalesforceClient(SalesforceSettings settings, ISalesforceTokenProvider tokens, SalesforceOptions options, TimeProvider time, ILogger logger)
    {
        _instanceUrl = settings.InstanceUrl;
        _objectName = settings.ObjectName;
        _logger = logger;
        _basePath = $"services/data/v{settings.ApiVersion}/jobs/";
        _tokens = tokens;
        _options = options;
        _time = time;
        _http = options.Handler is { } handler ? new HttpClient(handler, disposeHandler: false) : SharedHttp;
    }

    /// <summary>The last <c>Sforce-Limit-Info</c> the org sent (<c>api-usage=used/limit</c>), or null.</summary>
    public string? LimitInfo { get; private set; }

    /// <summary>Runs a query job and hands out its result pages, following the locator until it is <c>null</c>.</summary>
    public async IAsyncEnumerable<SalesforcePage> QueryAsync(string soql, bool includeDeleted, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var operation = includeDeleted ? "queryAll" : "query";
        var job = await JsonAsync(HttpMethod.Post, "query", new { operation, query = soql }, cancellationToken).ConfigureAwait(false);
        var id = Text(job, "id");
        SalesforceLog.JobCreated(_logger, "query", id, operation, _objectName);
        await WaitAsync("query", id, cancellationToken).ConfigureAwait(false);
        string? locator = null;
        while (true)
        {
            var path = $"query/{id}/results?maxRecords={pageSize.ToString(CultureInfo.InvariantCulture)}" + (locator is null ? string.Empty : $"&locator={Uri.EscapeDataString(locator)}");
            var table = await CsvAsync(path, response => locator = response.Headers.TryGetValues("Sforce-Locator", out var values) ? values.FirstOrDefault() : null, cancellationToken).ConfigureAwait(false);
            // The last page's locator is the literal text "null"; a missing header ends the results as well.
            var last = locator is null or "null" || locator.Length == 0;
            SalesforceLog.PageRead(_logger, id, table.Rows.Count, !last);
            yield return new SalesforcePage(table.Header, table.Rows, last);
            if (last)
            {
                yield break;
            }
        }
    }

    /// <summary>Creates an ingest job, uploads its CSV, closes it and waits for it; answers the final job info.</summary>
    public async Task<(string Id, JsonElement Info)> IngestAsync(object create, string csv, CancellationToken cancellationToken)
    {
        var job = await JsonAsync(HttpMethod.Post, "ingest", create, cancellationToken).ConfigureAwait(false);
        var id = Text(job, "id");
        SalesforceLog.JobCreated(_logger, "ingest", id, job.TryGetProperty("operation", out var operation) ? operation.GetString() ?? "?" : "?", _objectName);
        using (var upload = await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, Url($"ingest/{id}/batches")) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") }, cancellationToken).ConfigureAwait(false))
        {
        }

        await JsonAsync(HttpMethod.Patch, $"ingest/{id}", new { state = "UploadComplete" }, cancellationToken).ConfigureAwait(false);
        return (id, await WaitAsync("ingest", id, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>One of an ingest job's result sets (<c>successfulResults</c>, <c>failedResults</c>, <c>unprocessedrecords</c>).</summary>
    public Task<SalesforceCsvTable> IngestResultsAsync(string id, string set, CancellationToken cancellationToken) =>
        CsvAsync($"ingest/{id}/{set}/", null, cancellationToken);

    // Reads a CSV answer from the response stream as it arrives: a result page can be large, and holding its text
    // besides its rows would double what it costs.
    private async Task<SalesforceCsvTable> CsvAsync(string path, Action<HttpResponseMessage>? headers, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Url(path)) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/csv") } } },
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken).ConfigureAwait(false);
        headers?.Invoke(response);

        // A results page is CSV; a page of another type (a proxy's HTML) would otherwise read as rows without ids, and a
        // full read that seems to end early reports every record it missed as deleted.
        if (response.Content.Headers.ContentType?.MediaType is { } type && !string.Equals(type, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed(response, $"is {type}, not CSV", await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await SalesforceCsv.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException exception)
            {
                throw new SalesforceApiException(response.StatusCode, "InvalidCsv", exception.Message, exception);
            }
        }
    }

    private async Task<JsonElement> WaitAsync(string kind, string id, CancellationToken cancellationToken)
    {
        var delay = _options.PollInterval;
        var deadline = _time.GetUtcNow() + _options.JobTimeout;
        string? last = null;
        while (true)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            var info = await JsonAsync(HttpMethod.Get, $"{kind}/{id}", null, cancellationToken).ConfigureAwait(false);
            var state = Text(info, "state");
            if (!string.Equals(state, last, StringComparison.Ordinal))
            {
                SalesforceLog.JobState(_logger, kind, id, state);
                last = state;
            }

            switch (state)
            {
                case "JobComplete":
                    var processed = Count(info, "numberRecordsProcessed");
                    var failed = Count(info, "numberRecordsFailed");
                    SalesforceLog.JobCompleted(_logger, kind, id, _objectName, state, processed, failed);
                    return info;
                case "Failed" or "Aborted":
                    var reason = info.TryGetProperty("errorMessage", out var message) ? $": {message.GetString()}" : string.Empty;
                    SalesforceLog.JobFailed(_logger, kind, id, _objectName, state, reason.Length > 0 ? reason[2..] : "Salesforce gave no reason.");
                    throw new SalesforceApiException(HttpStatusCode.OK, state, $"The {kind} job {id} ended {state}{reason}.");
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new SalesforceApiException(HttpStatusCode.GatewayTimeout, "Timeout", $"The {kind} job {id} was still {state} after {_options.JobTimeout}.");
            }

            delay = SalesforceBackoff.Next(delay, _options.MaxPollInterval);
        }
    }

    private static long Count(JsonElement info, string name) =>
        info.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) ? count : 0;

    private async Task<JsonElement> JsonAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var content = body is null ? null : JsonSerializer.Serialize(body);
        using var response = await SendAsync(
            () => new HttpRequestMessage(method, Url(path)) { Content = content is null ? null : new StringContent(content, Encoding.UTF8, "application/json") },
            cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw Malformed(response, "is not JSON", text);
        }
    }

    private static string Text(JsonElement info, string property) =>
        info.ValueKind == JsonValueKind.Object && info.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new SalesforceApiException(HttpStatusCode.OK, SalesforceApiException.MalformedResponse, $"Salesforce answered {SalesforceApiException.MalformedResponse}: the job info has no '{property}'.");

    private static SalesforceApiException Malformed(HttpResponseMessage response, string what, string text)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var start = text.Length > 200 ? text[..200] : text;
        return new SalesforceApiException(response.StatusCode, SalesforceApiException.MalformedResponse, $"Salesforce answered {status} {SalesforceApiException.MalformedResponse}: the body {what}: {start}");
    }

    private Uri Url(string path) => new(_instanceUrl, _basePath + path);

    private Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken) =>
        SendAsync(build, HttpCompletionOption.ResponseContentRead, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            _token ??= await _tokens.GetTokenAsync(_instanceUrl, null, cancellationToken).ConfigureAwait(false);
            var sent = _token;
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sent);
            var response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
            if (response.Headers.TryGetValues("Sforce-Limit-Info", out var limit))
            {
                LimitInfo = limit.FirstOrDefault();
                Usage(LimitInfo);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                var error = await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshed)
                {
                    // One refresh per call: a token refused right after a refresh is not going to work on a second try.
                    refreshed = true;
                    var fresh = await _tokens.GetTokenAsync(_instanceUrl, sent, cancellationToken).ConfigureAwait(false);
                    if (!string.Equals(fresh, sent, StringComparison.Ordinal))
                    {
                        SalesforceLog.TokenRefreshed(_logger, _instanceUrl);
                        _token = fresh;
                        attempt--;
                        continue;
                    }
                }

                if ((int)response.StatusCode >= 500 && attempt < _options.MaxAttempts)
                {
                    var wait = _options.PollInterval * attempt;
                    SalesforceLog.Retrying(_logger, (int)response.StatusCode, error.Code, wait, attempt + 1, _options.MaxAttempts);
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (error.LimitExceeded)
                {
                    SalesforceLog.LimitExceeded(_logger, _instanceUrl, _options.LimitRetryAfter);
                }

                throw error;
            }
        }
    }

    // Sforce-Limit-Info reads "api-usage=used/limit": logged at debug on every answer, and a warning the first time
    // usage passes the options' share of the limit.
    private void Usage(string? info)
    {
        const string Prefix = "api-usage=";
        var text = info?.Split(';', StringSplitOptions.TrimEntries).FirstOrDefault(p => p.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase));
        var parts = text?[Prefix.Length..].Split('/');
        if (parts is not [var usedText, var limitText]
            || !long.TryParse(usedText, NumberStyles.None, CultureInfo.InvariantCulture, out var used)
            || !long.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            || limit <= 0)
        {
            return;
        }

        SalesforceLog.ApiUsage(_logger, _instanceUrl, used, limit);
        var ratio = (double)used / limit;
        if (!_usageWarned && ratio >= _options.ApiUsageWarningRatio)
        {
            _usageWarned = true;
            SalesforceLog.ApiUsageHigh(_logger, _instanceUrl, used, limit, ratio * 100, _options.ApiUsageWarningRatio * 100);
        }
    }

    private static async Task<SalesforceApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? code = null;
        var message = text;
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() > 0)
            {
                var first = json.RootElement[0];
                code = first.TryGetProperty("errorCode", out var c) ? c.GetString() : null;
                message = first.TryGetProperty("message", out var m) ? m.GetString() ?? text : text;
            }
        }
        catch (JsonException)
        {
            // Not Salesforce's error array (a proxy's page): the body itself is the message.
        }

        var status = (int)response.StatusCode;
        return new SalesforceApiException(response.StatusCode, code, $"Salesforce answered {status.ToString(CultureInfo.InvariantCulture)} {code ?? response.ReasonPhrase}: {message}");
    }
}
