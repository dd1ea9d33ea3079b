using System.Globalization;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Salesforce;

/// <summary>
/// Writes one Salesforce object through Bulk API 2.0 ingest jobs: updates by <c>Id</c> (and removals), or upserts by an
/// external id field (creates and updates). Each batch is one job per operation; its three result sets
/// (<c>successfulResults</c>, <c>failedResults</c>, <c>unprocessedrecords</c>) are matched back to the writes by the
/// key column uploaded, never by row order, which Salesforce does not keep. Reads are query jobs over the keys asked.
/// </summary>
/// <remarks>
/// A field given empty is sent as <c>#N/A</c> (Salesforce ignores an empty cell on update), so it is cleared. A record
/// Salesforce refuses fails alone with its <c>sf__Error</c>; the API limit, a refused token, or a job that ends
/// <c>Failed</c> or <c>Aborted</c> fails the whole call with <see cref="DestinationUnavailableException"/>.
/// </remarks>
public sealed class SalesforceDestination : IDestination
{
    /// <summary>The most records one ingest batch takes (Salesforce processes ingest data in batches of 10,000).</summary>
    public const int MaxBatchSize = 10_000;

    private const int MaxReadSize = 200;
    private readonly SalesforceSettings _settings;
    private readonly SalesforceOptions _options;
    private readonly SalesforceClient _client;
    private readonly string _key;
    private readonly bool _byId;

    internal SalesforceDestination(SalesforceSettings settings, string key, SalesforceOptions options, TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _options = options;
        _key = key;
        _byId = string.Equals(key, "Id", StringComparison.OrdinalIgnoreCase);
        _client = new SalesforceClient(settings, settings.Tokens(options, "destination"), options, time, logger);
    }

    /// <summary>The last <c>Sforce-Limit-Info</c> the org sent (<c>api-usage=used/limit</c>), or null before the first call.</summary>
    public string? LimitInfo => _client.LimitInfo;

    private IReadOnlyList<string> Fields => _settings.Fields ?? [];

    /// <inheritdoc />
    public ValueTask<DestinationDescription> DescribeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fields = Fields.Where(f => !string.Equals(f, _key, StringComparison.OrdinalIgnoreCase)).Prepend(_key).Select(f => new DestinationField(f, FieldType.Text)).ToList();
        return ValueTask.FromResult(new DestinationDescription(_settings.ObjectName, _key, fields)
        {
            MaxBatchSize = MaxBatchSize,
            MaxReadSize = MaxReadSize,
            CanRead = true,
            CanCreate = !_byId,
            CanRemove = _byId,
        });
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<DestinationRecord> ReadAsync(DestinationReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Keys.Count == 0)
        {
            yield break;
        }

        var unknown = request.Fields.FirstOrDefault(f => !IsApiName(f));
        if (unknown is not null)
        {
            throw new ArgumentException($"'{unknown}' is no field API name.", nameof(request));
        }

        var asked = request.Fields.Where(f => !string.Equals(f, _key, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var keys = string.Join(", ", request.Keys.Distinct(StringComparer.Ordinal).Select(k => "'" + k.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'"));
        var soql = $"SELECT {string.Join(", ", asked.Prepend(_key))} FROM {_settings.ObjectName} WHERE {_key} IN ({keys})";
        var pages = _client.QueryAsync(soql, includeDeleted: false, MaxReadSize, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await pages.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (Exception exception) when (exception is SalesforceApiException or HttpRequestException)
                {
                    throw Unavailable(exception);
                }

                var page = pages.Current;
                foreach (var row in page.Rows)
                {
                    var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
                    string? key = null;
                    for (var i = 0; i < page.Header.Count && i < row.Count; i++)
                    {
                        if (string.Equals(page.Header[i], _key, StringComparison.OrdinalIgnoreCase))
                        {
                            key = row[i];
                        }
                        else if (asked.FirstOrDefault(f => string.Equals(f, page.Header[i], StringComparison.OrdinalIgnoreCase)) is { } field && row[i].Length > 0)
                        {
                            values[field] = FieldValue.FromText(row[i]);
                        }
                    }

                    if (key is { Length: > 0 })
                    {
                        yield return new DestinationRecord(key, values);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DestinationResult>> WriteAsync(IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        cancellationToken.ThrowIfCancellationRequested();
        if (writes.Count > MaxBatchSize)
        {
            throw new ArgumentException($"A batch holds at most {MaxBatchSize} writes; this one holds {writes.Count}.", nameof(writes));
        }

        var results = new List<DestinationResult>();
        var changes = new List<DestinationWrite>();
        var removals = new List<DestinationWrite>();
        foreach (var write in writes)
        {
            if (Refusal(write) is { } refusal)
            {
                results.Add(DestinationResult.Failure(write.Key, refusal, retryable: false));
            }
            else if (write.Kind == DestinationWriteKind.Remove)
            {
                removals.Add(write);
            }
            else
            {
                changes.Add(write);
            }
        }

        try
        {
            if (changes.Count > 0)
            {
                results.AddRange(await IngestAsync(_byId ? "update" : "upsert", changes, cancellationToken).ConfigureAwait(false));
            }

            if (removals.Count > 0)
            {
                results.AddRange(await IngestAsync("delete", removals, cancellationToken).ConfigureAwait(false));
            }
        }
        catch (Exception exception) when (exception is SalesforceApiException or HttpRequestException)
        {
            throw Unavailable(exception);
        }

        return results;
    }

    private string? Refusal(DestinationWrite write)
    {
        if (string.IsNullOrWhiteSpace(write.Key))
        {
            return "the record has no key.";
        }

        if (write.Kind == DestinationWriteKind.Create && _byId)
        {
            return $"{_settings.ObjectName} records are written by Id here, and a new record's Id is Salesforce's to give; set the destination's 'key' to an external id field to create records.";
        }

        if (write.Kind == DestinationWriteKind.Remove && !_byId)
        {
            return $"{_settings.ObjectName} records are removed by Id; this destination writes by the external id '{_key}'.";
        }

        var unknown = write.Values.Keys.FirstOrDefault(f => !string.Equals(f, _key, StringComparison.OrdinalIgnoreCase)
            && ((_settings.Fields is not null && !Fields.Contains(f, StringComparer.OrdinalIgnoreCase)) || !IsApiName(f)));
        return unknown is null ? null : $"the field '{unknown}' is not among the {_settings.ObjectName} fields this destination writes ({string.Join(", ", Fields)}).";
    }

    private async Task<List<DestinationResult>> IngestAsync(string operation, IReadOnlyList<DestinationWrite> writes, CancellationToken cancellationToken)
    {
        var columns = operation == "delete"
            ? [_key]
            : writes.SelectMany(w => w.Values.Keys).Where(f => !string.Equals(f, _key, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).Prepend(_key).ToList();
        var rows = writes.Select(w => (IReadOnlyList<string?>)[.. columns.Select((c, i) => i == 0 ? w.Key : Cell(w, c))]);
        var csv = SalesforceCsv.Write(columns, rows, SalesforceCsv.Lf);
        object create = _byId
            ? new { @object = _settings.ObjectName, operation, contentType = "CSV", lineEnding = SalesforceCsv.Lf }
            : new { @object = _settings.ObjectName, operation, externalIdFieldName = _key, contentType = "CSV", lineEnding = SalesforceCsv.Lf };
        var (id, _) = await _client.IngestAsync(create, csv, cancellationToken).ConfigureAwait(false);

        var answers = new Dictionary<string, DestinationResult>(StringComparer.Ordinal);
        foreach (var row in Rows(await _client.IngestResultsAsync(id, "successfulResults", cancellationToken).ConfigureAwait(false)))
        {
            answers[row.Key] = DestinationResult.Success(row.Key);
        }

        foreach (var row in Rows(await _client.IngestResultsAsync(id, "failedResults", cancellationToken).ConfigureAwait(false)))
        {
            var error = row.Values.GetValueOrDefault(SalesforceCsv.ResultError) ?? "Salesforce refused the record.";
            // A record gone already is what a removal wants.
            answers[row.Key] = operation == "delete" && (error.StartsWith("ENTITY_IS_DELETED", StringComparison.Ordinal) || error.StartsWith("INVALID_CROSS_REFERENCE_KEY", StringComparison.Ordinal))
                ? DestinationResult.Success(row.Key)
                : DestinationResult.Failure(row.Key, error, retryable: IsRetryable(error));
        }

        foreach (var row in Rows(await _client.IngestResultsAsync(id, "unprocessedrecords", cancellationToken).ConfigureAwait(false)))
        {
            answers.TryAdd(row.Key, DestinationResult.Failure(row.Key, $"Salesforce did not process the record (ingest job {id})."));
        }

        return [.. writes.Select(w => answers.GetValueOrDefault(w.Key) ?? DestinationResult.Failure(w.Key, $"Salesforce's results of ingest job {id} do not name the record."))];
    }

    // Each result row keyed by the key column uploaded (the id or the external id); sf__Id is empty for some failures.
    private IEnumerable<(string Key, Dictionary<string, string> Values)> Rows(SalesforceCsvTable csv)
    {
        var header = csv.Header;
        foreach (var row in csv.Rows)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count && i < row.Count; i++)
            {
                values.TryAdd(header[i], row[i]);
            }

            if (values.GetValueOrDefault(_key) is { Length: > 0 } key)
            {
                yield return (key, values);
            }
        }
    }

    // A field the write does not name is left empty, which Salesforce ignores; one given empty is null, which the CSV
    // writes as #N/A so Salesforce clears it.
    private static string? Cell(DestinationWrite write, string column)
    {
        var value = write.Values.FirstOrDefault(v => string.Equals(v.Key, column, StringComparison.OrdinalIgnoreCase));
        if (value.Key is null)
        {
            return string.Empty;
        }

        return value.Value.IsEmpty ? null : value.Value.ToString();
    }

    private static bool IsRetryable(string error) =>
        error.StartsWith("UNABLE_TO_LOCK_ROW", StringComparison.Ordinal) || error.StartsWith("REQUEST_RUNNING_TOO_LONG", StringComparison.Ordinal);

    private static bool IsApiName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private DestinationUnavailableException Unavailable(Exception exception)
    {
        var api = exception as SalesforceApiException;
        return new DestinationUnavailableException($"Salesforce refused the call on {_settings.ObjectName}: {exception.Message}", exception)
        {
            RetryAfter = api?.LimitExceeded == true ? _options.LimitRetryAfter : null,
            Transient = api is null || api.Transient || api.Code is "Failed" or "Aborted",
        };
    }
}
