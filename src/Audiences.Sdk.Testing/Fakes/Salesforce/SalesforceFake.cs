using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Testing.Fakes.Salesforce;

/// <summary>
/// A stateful stand-in for a Salesforce org's Bulk API 2.0, served by Kestrel on 127.0.0.1 at a random port, for
/// testing connectors without the network: it holds records per object (with <c>Id</c>, <c>SystemModstamp</c> and
/// <c>IsDeleted</c>), runs query jobs over them (the SOQL a connector sends: <c>SELECT fields FROM Object [WHERE
/// SystemModstamp &gt; X]</c> or <c>WHERE Field IN ('a', 'b')</c>, <c>query</c> or <c>queryAll</c>) with results paged by <c>Sforce-Locator</c>, and ingest
/// jobs that update, upsert, insert or delete them and answer in result sets shuffled out of upload order.
/// </summary>
/// <remarks>
/// Jobs move from their first state through <c>InProgress</c> to <c>JobComplete</c> over <see cref="PollsToComplete"/>
/// polls (queued as <c>UploadComplete</c> at the first of three or more). Every answer carries <c>Sforce-Limit-Info</c>; every call is counted under its
/// <see cref="SalesforceFakeEndpoints"/> name. Failures are injected through <see cref="Faults"/>.
/// </remarks>
public sealed partial class SalesforceFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, SalesforceFakeRecord>> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SalesforceFakeJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _tokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expired = new(StringComparer.Ordinal);
    private readonly List<string> _queries = [];
    private long _usage;
    private int _sequence;

    private SalesforceFake(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        AccessToken = IssueToken();
    }

    /// <summary>The org's address; calls go to <c>{InstanceUrl}services/data/vXX.X/...</c>.</summary>
    public Uri InstanceUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The token issued when the fake started; valid until <see cref="ExpireToken"/>.</summary>
    public string AccessToken { get; }

    /// <summary>The failures injected into the next calls and jobs.</summary>
    public SalesforceFakeFaults Faults { get; } = new();

    /// <summary>How many polls a job takes to reach its final state (at least one). Default 2.</summary>
    public int PollsToComplete { get; set; } = 2;

    /// <summary>The rows per result page when the caller sends no <c>maxRecords</c>. Default 1,000.</summary>
    public int DefaultPageSize { get; set; } = 1_000;

    /// <summary>The daily API limit reported in <c>Sforce-Limit-Info</c>. Default 100,000.</summary>
    public long ApiLimit { get; set; } = 100_000;

    /// <summary>The SOQL of every query job created, in order.</summary>
    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_gate)
            {
                return [.. _queries];
            }
        }
    }

    /// <summary>Starts a fake org with no records.</summary>
    /// <param name="timeProvider">The clock that stamps records changed by ingest jobs; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<SalesforceFake> StartAsync(TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new SalesforceFake(app, timeProvider ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.InstanceUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Issues another valid access token, as a refresh would.</summary>
    public string IssueToken()
    {
        lock (_gate)
        {
            var token = "00Dfake!" + Guid.NewGuid().ToString("N");
            _tokens.Add(token);
            return token;
        }
    }

    /// <summary>Expires <paramref name="token"/>: calls bearing it answer 401 <c>INVALID_SESSION_ID</c>.</summary>
    /// <param name="token">The token.</param>
    public void ExpireToken(string token)
    {
        lock (_gate)
        {
            _tokens.Remove(token);
            _expired.Add(token);
        }
    }

    /// <summary>Sets a record of <paramref name="objectName"/>, live, with the fields given (others kept) and its <c>SystemModstamp</c>.</summary>
    /// <param name="objectName">The object, e.g. <c>Contact</c>.</param>
    /// <param name="id">The record id.</param>
    /// <param name="fields">Field values by API name; null clears a field.</param>
    /// <param name="systemModstamp">When it last changed.</param>
    public void Put(string objectName, string id, IReadOnlyDictionary<string, string?> fields, DateTimeOffset systemModstamp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(objectName);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(fields);
        lock (_gate)
        {
            var record = Record(objectName, id);
            foreach (var (name, value) in fields)
            {
                record.Fields[name] = value;
            }

            record.IsDeleted = false;
            record.SystemModstamp = systemModstamp;
        }
    }

    /// <summary>Moves a record to the recycle bin: <c>query</c> no longer returns it, <c>queryAll</c> returns it with <c>IsDeleted</c> true.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="id">The record id.</param>
    /// <param name="at">When it was deleted (its new <c>SystemModstamp</c>).</param>
    public void Delete(string objectName, string id, DateTimeOffset at)
    {
        lock (_gate)
        {
            var record = Record(objectName, id);
            record.IsDeleted = true;
            record.SystemModstamp = at;
        }
    }

    /// <summary>A record's values (with <c>Id</c>, <c>SystemModstamp</c> and <c>IsDeleted</c>), or null when the fake never held it.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="id">The record id.</param>
    public IReadOnlyDictionary<string, string?>? Find(string objectName, string id)
    {
        lock (_gate)
        {
            if (!_objects.TryGetValue(objectName, out var records) || !records.TryGetValue(id, out var record))
            {
                return null;
            }

            var values = new Dictionary<string, string?>(record.Fields, StringComparer.OrdinalIgnoreCase);
            foreach (var name in (string[])["Id", "SystemModstamp", "IsDeleted"])
            {
                values[name] = record.Value(name);
            }

            return values;
        }
    }

    /// <summary>The ids of the live records of <paramref name="objectName"/>.</summary>
    /// <param name="objectName">The object.</param>
    public IReadOnlyList<string> Ids(string objectName)
    {
        lock (_gate)
        {
            return _objects.TryGetValue(objectName, out var records) ? [.. records.Values.Where(r => !r.IsDeleted).Select(r => r.Id).Order(StringComparer.Ordinal)] : [];
        }
    }

    /// <summary>How many calls reached <paramref name="endpoint"/> (a <see cref="SalesforceFakeEndpoints"/> name), failed ones included.</summary>
    /// <param name="endpoint">The endpoint's name.</param>
    public int Calls(string endpoint)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(endpoint);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private SalesforceFakeRecord Record(string objectName, string id)
    {
        if (!_objects.TryGetValue(objectName, out var records))
        {
            records = new Dictionary<string, SalesforceFakeRecord>(StringComparer.Ordinal);
            _objects[objectName] = records;
        }

        if (!records.TryGetValue(id, out var record))
        {
            record = new SalesforceFakeRecord(id);
            records[id] = record;
        }

        return record;
    }

    private string NewId(string objectName)
    {
        var prefix = objectName.ToUpperInvariant() switch
        {
            "ACCOUNT" => "001",
            "CONTACT" => "003",
            "LEAD" => "00Q",
            "OPPORTUNITY" => "006",
            _ => "a00",
        };
        return prefix + (++_sequence).ToString("D15", CultureInfo.InvariantCulture);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var match = RoutePattern().Match(path);
        var endpoint = match.Success ? Endpoint(request.Method, match) : null;
        if (Faults.Delay > TimeSpan.Zero)
        {
            await Task.Delay(Faults.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        Answer answer;
        lock (_gate)
        {
            _usage++;
            if (endpoint is not null)
            {
                _calls[endpoint] = _calls.GetValueOrDefault(endpoint) + 1;
            }

            answer = Dispatch(request, match, endpoint, body);
        }

        var response = context.Response;
        response.StatusCode = answer.Status;
        response.Headers["Sforce-Limit-Info"] = string.Create(CultureInfo.InvariantCulture, $"api-usage={_usage}/{ApiLimit}");
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.Body is { } text)
        {
            // Sent whole with its length, as Salesforce sends result pages, rather than in chunks.
            var bytes = Encoding.UTF8.GetBytes(text);
            response.ContentType = answer.ContentType;
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static string? Endpoint(string method, Match match)
    {
        var kind = match.Groups["kind"].Value;
        var hasId = match.Groups["id"].Success;
        var tail = match.Groups["tail"].Success ? match.Groups["tail"].Value : null;
        return (kind, method, hasId, tail) switch
        {
            ("query", "POST", false, null) => SalesforceFakeEndpoints.QueryCreate,
            ("query", "GET", true, null) or ("query", "PATCH", true, null) => SalesforceFakeEndpoints.QueryPoll,
            ("query", "GET", true, "results") => SalesforceFakeEndpoints.QueryResults,
            ("ingest", "POST", false, null) => SalesforceFakeEndpoints.IngestCreate,
            ("ingest", "PUT", true, "batches") => SalesforceFakeEndpoints.IngestUpload,
            ("ingest", "PATCH", true, null) => SalesforceFakeEndpoints.IngestClose,
            ("ingest", "GET", true, null) => SalesforceFakeEndpoints.IngestPoll,
            ("ingest", "GET", true, "successfulResults" or "failedResults" or "unprocessedrecords") => SalesforceFakeEndpoints.IngestResults,
            _ => null,
        };
    }

    private Answer Dispatch(HttpRequest request, Match match, string? endpoint, string body)
    {
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : string.Empty;
        if (!_tokens.Contains(token))
        {
            return Error(401, "INVALID_SESSION_ID", _expired.Contains(token) ? "Session expired or invalid" : "INVALID_HEADER_TYPE");
        }

        if (Faults.LimitExceeded > 0)
        {
            Faults.LimitExceeded--;
            return Error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }

        if (Faults.ServerErrors > 0)
        {
            Faults.ServerErrors--;
            return Error(503, "SERVER_UNAVAILABLE", "Server is busy; try again later.");
        }

        if (Faults.MalformedAnswers > 0 && (Faults.MalformedEndpoint is null || Faults.MalformedEndpoint == endpoint))
        {
            Faults.MalformedAnswers--;
            return new Answer(200, "<html><body>Gateway maintenance</body></html>") { ContentType = "text/html" };
        }

        if (endpoint is null)
        {
            return Error(404, "NOT_FOUND", "The requested resource does not exist");
        }

        var id = match.Groups["id"].Value;
        SalesforceFakeJob? job = null;
        if (match.Groups["id"].Success && (!_jobs.TryGetValue(id, out job) || !string.Equals(job.Kind(), match.Groups["kind"].Value, StringComparison.Ordinal)))
        {
            return Error(404, "NOT_FOUND", "Job not found");
        }

        try
        {
            return endpoint switch
            {
                SalesforceFakeEndpoints.QueryCreate => CreateQuery(body),
                SalesforceFakeEndpoints.QueryPoll when request.Method == "PATCH" => AbortJob(job!),
                SalesforceFakeEndpoints.QueryPoll or SalesforceFakeEndpoints.IngestPoll => Poll(job!),
                SalesforceFakeEndpoints.QueryResults => Results(job!, request.Query["locator"].ToString(), request.Query["maxRecords"].ToString()),
                SalesforceFakeEndpoints.IngestCreate => CreateIngest(body),
                SalesforceFakeEndpoints.IngestUpload => UploadIngest(job!, body),
                SalesforceFakeEndpoints.IngestClose => CloseIngest(job!, body),
                _ => IngestResults(job!, match.Groups["tail"].Value),
            };
        }
        catch (JsonException exception)
        {
            return Error(400, "JSON_PARSER_ERROR", exception.Message);
        }
    }

    private Answer CreateQuery(string body)
    {
        using var json = JsonDocument.Parse(body);
        var operation = json.RootElement.GetProperty("operation").GetString() ?? string.Empty;
        var soql = json.RootElement.GetProperty("query").GetString() ?? string.Empty;
        if (operation is not ("query" or "queryAll"))
        {
            return Error(400, "INVALIDENTITY", $"Invalid operation: {operation}");
        }

        var parsed = SoqlPattern().Match(soql.Trim());
        if (!parsed.Success)
        {
            return Error(400, "MALFORMED_QUERY", $"unexpected token in: {soql}");
        }

        _queries.Add(soql);
        var fields = parsed.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var objectName = parsed.Groups["object"].Value;
        DateTimeOffset? since = null;
        var inclusive = parsed.Groups["op"].Value == ">=";
        if (parsed.Groups["since"].Success)
        {
            if (!DateTimeOffset.TryParse(parsed.Groups["since"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return Error(400, "MALFORMED_QUERY", $"value of filter criterion for field 'SystemModstamp' must be of type dateTime: {parsed.Groups["since"].Value}");
            }

            since = value;
        }

        HashSet<string>? keys = null;
        if (parsed.Groups["key"].Success)
        {
            keys = [.. InValuePattern().Matches(parsed.Groups["values"].Value).Select(m => m.Groups["value"].Value.Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal))];
        }

        var job = NewJob(objectName, operation, "UploadComplete");
        job.LineEnding = LineEnding(json.RootElement);
        job.Columns.AddRange(fields);
        var key = parsed.Groups["key"].Value;
        var selected = new List<SalesforceFakeRecord>();
        foreach (var record in _objects.TryGetValue(objectName, out var held) ? held.Values : Enumerable.Empty<SalesforceFakeRecord>())
        {
            if (!(record.IsDeleted && operation == "query")
                && (keys is null || keys.Contains(record.Value(key) ?? string.Empty))
                && (since is not { } from || (inclusive ? record.SystemModstamp >= from : record.SystemModstamp > from)))
            {
                selected.Add(record);
            }
        }

        // Only the records selected are ordered (an incremental query over a large org selects few of them).
        selected.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        job.Rows.Capacity = selected.Count;
        foreach (var record in selected)
        {
            var row = new string?[fields.Length];
            for (var i = 0; i < fields.Length; i++)
            {
                row[i] = record.Value(fields[i]);
            }

            job.Rows.Add(row);
        }

        return JobInfo(job, 200);
    }

    private Answer CreateIngest(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var objectName = root.GetProperty("object").GetString() ?? string.Empty;
        var operation = root.GetProperty("operation").GetString() ?? string.Empty;
        if (operation is not ("insert" or "update" or "upsert" or "delete"))
        {
            return Error(400, "INVALIDENTITY", $"Invalid operation: {operation}");
        }

        var job = NewJob(objectName, operation, "Open");
        job.LineEnding = LineEnding(root);
        if (operation == "upsert")
        {
            if (!root.TryGetProperty("externalIdFieldName", out var external) || external.GetString() is not { Length: > 0 } field)
            {
                _jobs.Remove(job.Id);
                return Error(400, "INVALIDENTITY", "externalIdFieldName is required for upsert");
            }

            job.ExternalIdField = field;
        }

        return JobInfo(job, 200);
    }

    private static Answer UploadIngest(SalesforceFakeJob job, string body)
    {
        if (job.State != "Open")
        {
            return Error(409, "INVALIDJOBSTATE", "Job is not open for uploads");
        }

        job.Upload += body;
        return new Answer(201, null);
    }

    private Answer CloseIngest(SalesforceFakeJob job, string body)
    {
        using var json = JsonDocument.Parse(body);
        var state = json.RootElement.GetProperty("state").GetString();
        if (state == "Aborted")
        {
            return AbortJob(job);
        }

        if (state != "UploadComplete" || job.State != "Open")
        {
            return Error(409, "INVALIDJOBSTATE", $"Cannot move the job from {job.State} to {state}");
        }

        job.State = "UploadComplete";
        List<List<string>> rows;
        try
        {
            rows = SalesforceFakeCsv.Read(job.Upload);
        }
        catch (CsvHelper.CsvFormatException exception)
        {
            // An org fails the job whose data it cannot parse; the call that closed it succeeds.
            job.State = "Failed";
            job.ErrorMessage = $"InvalidBatch : Failed to parse the CSV: {exception.Message}";
            return JobInfo(job, 200);
        }

        if (rows.Count > 0)
        {
            job.Columns.AddRange(rows[0]);
            job.Rows.AddRange(rows.Skip(1).Select(r => (IReadOnlyList<string?>)[.. r]));
        }

        if (Faults.FailedJobs > 0 || Faults.AbortedJobs > 0)
        {
            job.Unprocessed.AddRange(job.Rows);
            Shuffle(job.Unprocessed, job.Id);
            return JobInfo(job, 200);
        }

        // An upsert finds its records by external id through an index built once per job, not a scan per row, so
        // a job of thousands of rows over an org of hundreds of thousands of records stays linear.
        var byExternalId = job.ExternalIdField is { } field ? ExternalIdIndex(job.ObjectName, field) : null;
        foreach (var row in job.Rows)
        {
            Ingest(job, row, byExternalId);
        }

        // Salesforce does not keep upload order in its result sets: a shuffle that never leaves two or more rows in
        // upload order makes correlating by row index fail.
        Shuffle(job.Successful, job.Id);
        Shuffle(job.Failed, job.Id);
        return JobInfo(job, 200);
    }

    /// <summary>The live records of an object by their value of <paramref name="field"/>; the first record holding a value wins, as a scan would find it.</summary>
    private Dictionary<string, SalesforceFakeRecord> ExternalIdIndex(string objectName, string field)
    {
        var index = new Dictionary<string, SalesforceFakeRecord>(StringComparer.Ordinal);
        if (_objects.TryGetValue(objectName, out var records))
        {
            foreach (var record in records.Values)
            {
                if (!record.IsDeleted && record.Value(field) is { } value)
                {
                    index.TryAdd(value, record);
                }
            }
        }

        return index;
    }

    private void Ingest(SalesforceFakeJob job, IReadOnlyList<string?> row, Dictionary<string, SalesforceFakeRecord>? byExternalId)
    {
        string? Column(string name)
        {
            var index = job.Columns.FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 && index < row.Count ? row[index] : null;
        }

        var records = _objects.TryGetValue(job.ObjectName, out var held) ? held : [];
        SalesforceFakeRecord? target;
        var created = false;
        string? external = null;
        switch (job.Operation)
        {
            case "upsert":
                external = Column(job.ExternalIdField!);
                if (string.IsNullOrEmpty(external))
                {
                    job.Failed.Add(["", $"MISSING_ARGUMENT:{job.ExternalIdField} not specified:--", .. row]);
                    return;
                }

                target = byExternalId!.GetValueOrDefault(external);
                created = target is null;
                break;
            case "insert":
                target = null;
                created = true;
                break;
            default:
                var id = Column("Id");
                target = id is not null && records.TryGetValue(id, out var found) ? found : null;
                if (target is null || target.IsDeleted)
                {
                    var error = target is null ? "INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--" : "ENTITY_IS_DELETED:entity is deleted:--";
                    job.Failed.Add([id ?? string.Empty, error, .. row]);
                    return;
                }

                break;
        }

        var keys = (string?[])[target?.Id, Column("Id"), job.ExternalIdField is { } ext ? Column(ext) : null];
        if (keys.FirstOrDefault(k => k is not null && Faults.Rejected.ContainsKey(k)) is { } rejected)
        {
            var field = Faults.Rejected[rejected];
            job.Failed.Add([target?.Id ?? string.Empty, $"FIELD_CUSTOM_VALIDATION_EXCEPTION:{field} is not valid:{field} --", .. row]);
            return;
        }

        if (target is null)
        {
            target = Record(job.ObjectName, NewId(job.ObjectName));
            if (external is not null)
            {
                byExternalId?.TryAdd(external, target);
            }
        }
        if (job.Operation == "delete")
        {
            target.IsDeleted = true;
        }
        else
        {
            for (var i = 0; i < job.Columns.Count && i < row.Count; i++)
            {
                var name = job.Columns[i];
                var value = row[i];
                // An empty value leaves the field as it is; #N/A clears it.
                if (string.Equals(name, "Id", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(value))
                {
                    continue;
                }

                target.Fields[name] = value == "#N/A" ? null : value;
            }
        }

        target.SystemModstamp = _time.GetUtcNow();
        job.Successful.Add([target.Id, created ? "true" : "false", .. row]);
    }

    private Answer Poll(SalesforceFakeJob job)
    {
        if (job.State is "UploadComplete" or "InProgress")
        {
            // A job may still be queued (UploadComplete) at the first poll before it runs (InProgress), so a poller
            // that takes any state but InProgress for finished reads results too early.
            job.Polls++;
            var needed = Math.Max(1, PollsToComplete);
            if (job.Polls >= needed)
            {
                Finish(job);
            }
            else
            {
                job.State = job.Polls == 1 && needed >= 3 ? "UploadComplete" : "InProgress";
            }
        }

        return JobInfo(job, 200);
    }

    private void Finish(SalesforceFakeJob job)
    {
        if (Faults.FailedJobs > 0)
        {
            Faults.FailedJobs--;
            job.State = "Failed";
            job.ErrorMessage = "InternalServerError : Failed to process query";
        }
        else if (Faults.AbortedJobs > 0)
        {
            Faults.AbortedJobs--;
            job.State = "Aborted";
        }
        else
        {
            job.State = "JobComplete";
        }
    }

    private static void Shuffle(List<IReadOnlyList<string?>> rows, string seed)
    {
        if (rows.Count < 2)
        {
            return;
        }

        var uploaded = rows.ToList();
#pragma warning disable CA5394 // The order only has to differ from the upload's, reproducibly; no security depends on it.
        var random = new Random(StringComparer.Ordinal.GetHashCode(seed) & int.MaxValue);
        for (var i = rows.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
#pragma warning restore CA5394

        if (rows.SequenceEqual(uploaded))
        {
            rows.Add(rows[0]);
            rows.RemoveAt(0);
        }
    }

    private static Answer AbortJob(SalesforceFakeJob job)
    {
        if (job.State is "JobComplete" or "Failed" or "Aborted")
        {
            return Error(409, "INVALIDJOBSTATE", $"Job is already {job.State}");
        }

        job.State = "Aborted";
        return JobInfo(job, 200);
    }

    private Answer Results(SalesforceFakeJob job, string locator, string maxRecords)
    {
        if (job.State != "JobComplete")
        {
            return Error(400, "INVALIDJOBSTATE", $"Job is in state {job.State}; results are available once it is JobComplete");
        }

        var offset = 0;
        if (locator.Length > 0)
        {
            try
            {
                offset = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(locator)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return Error(400, "INVALIDLOCATOR", $"Invalid locator: {locator}");
            }
        }

        var size = int.TryParse(maxRecords, CultureInfo.InvariantCulture, out var asked) && asked > 0 ? asked : DefaultPageSize;
        var page = job.Rows.Skip(offset).Take(size).ToList();
        var next = offset + page.Count;
        var answer = new Answer(200, SalesforceFakeCsv.Write(job.Columns, page, job.LineEnding)) { ContentType = "text/csv" };
        answer.Headers["Sforce-NumberOfRecords"] = page.Count.ToString(CultureInfo.InvariantCulture);
        answer.Headers["Sforce-Locator"] = next < job.Rows.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes(next.ToString(CultureInfo.InvariantCulture))) : "null";
        return answer;
    }

    private static Answer IngestResults(SalesforceFakeJob job, string set)
    {
        if (job.State is not ("JobComplete" or "Failed" or "Aborted"))
        {
            return Error(400, "INVALIDJOBSTATE", $"Job is in state {job.State}");
        }

        var text = set switch
        {
            "successfulResults" => SalesforceFakeCsv.Write(["sf__Id", "sf__Created", .. job.Columns], job.Successful, job.LineEnding),
            "failedResults" => SalesforceFakeCsv.Write(["sf__Id", "sf__Error", .. job.Columns], job.Failed, job.LineEnding),
            _ => SalesforceFakeCsv.Write(job.Columns, job.Unprocessed, job.LineEnding),
        };
        return new Answer(200, text) { ContentType = "text/csv" };
    }

    private SalesforceFakeJob NewJob(string objectName, string operation, string state)
    {
        var id = "750" + (++_sequence).ToString("D15", CultureInfo.InvariantCulture);
        var job = new SalesforceFakeJob(id, objectName, operation) { State = state };
        _jobs[id] = job;
        return job;
    }

    private static Answer JobInfo(SalesforceFakeJob job, int status)
    {
        var info = new Dictionary<string, object?>
        {
            ["id"] = job.Id,
            ["operation"] = job.Operation,
            ["object"] = job.ObjectName,
            ["state"] = job.State,
            ["contentType"] = "CSV",
            ["lineEnding"] = job.LineEnding,
            ["columnDelimiter"] = "COMMA",
            ["numberRecordsProcessed"] = job.Kind() == "query" ? job.Rows.Count : job.Successful.Count + job.Failed.Count,
            ["numberRecordsFailed"] = job.Failed.Count,
        };
        if (job.ExternalIdField is { } external)
        {
            info["externalIdFieldName"] = external;
        }

        if (job.ErrorMessage is { } message)
        {
            info["errorMessage"] = message;
        }

        if (job.Kind() == "ingest")
        {
            info["contentUrl"] = $"services/data/v62.0/jobs/ingest/{job.Id}/batches";
        }

        return new Answer(status, JsonSerializer.Serialize(info));
    }

    // The job's lineEnding, LF unless the create request asks for CRLF.
    private static string LineEnding(JsonElement create) =>
        create.TryGetProperty("lineEnding", out var ending) && string.Equals(ending.GetString(), "CRLF", StringComparison.Ordinal) ? "CRLF" : "LF";

    private static Answer Error(int status, string code, string message) =>
        new(status, JsonSerializer.Serialize(new[] { new Dictionary<string, object> { ["message"] = message, ["errorCode"] = code, ["fields"] = Array.Empty<string>() } }));

    [GeneratedRegex(@"^/services/data/v\d+\.\d+/jobs/(?<kind>query|ingest)(?:/(?<id>[^/]+)(?:/(?<tail>[^/]+))?)?/?$")]
    private static partial Regex RoutePattern();

    [GeneratedRegex(@"^SELECT\s+(?<fields>.+?)\s+FROM\s+(?<object>\w+)(?:\s+WHERE\s+(?:SystemModstamp\s*(?<op>>=|>)\s*(?<since>\S+)|(?<key>\w+)\s+IN\s*\((?<values>.*)\)))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex SoqlPattern();

    [GeneratedRegex(@"'(?<value>(?:[^'\\]|\\.)*)'")]
    private static partial Regex InValuePattern();

    private sealed record Answer(int Status, string? Body)
    {
        public Dictionary<string, string> Headers { get; } = new(StringComparer.Ordinal);

        public string ContentType { get; init; } = "application/json";
    }
}
