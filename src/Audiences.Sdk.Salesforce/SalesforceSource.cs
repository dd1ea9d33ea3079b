using System.Globalization;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.Logging;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Salesforce;

/// <summary>
/// Reads one Salesforce object through Bulk API 2.0 query jobs. A full read selects every live record; an incremental
/// read selects those whose <c>SystemModstamp</c> is at or after the cursor less the overlap window, with
/// <c>queryAll</c> so records deleted since come back flagged <c>IsDeleted</c> and are reported as
/// <see cref="SourceBatch.Deleted"/>. The cursor is the latest <c>SystemModstamp</c> read.
/// </summary>
/// <remarks>
/// Salesforce does not order query results (ordering disables PK chunking), so only the last batch of a read carries
/// the new cursor; the batches before it carry the cursor the read started from (on a first read, one before any
/// record), and a read resumed after a failure reads those records again rather than missing any. A record whose id
/// repeats within one read comes back with a <see cref="SourceItem.Problem"/>. A lead's <c>ConvertedContactId</c> becomes its <see cref="SourceItem.ConvertedTo"/>, and a contact's
/// <c>AccountId</c> (a converted lead's <c>ConvertedAccountId</c>) its <see cref="SourceItem.Account"/>.
/// </remarks>
public sealed class SalesforceSource : ISource
{
    private readonly SalesforceSettings _settings;
    private readonly SalesforceOptions _options;
    private readonly SalesforceClient _client;
    private readonly TimeSpan _overlap;

    internal SalesforceSource(SalesforceSettings settings, TimeSpan overlap, SalesforceOptions options, TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _overlap = overlap;
        _options = options;
        _client = new SalesforceClient(settings, settings.Tokens(options, "source"), options, time, logger);
    }

    /// <summary>The object read, e.g. <c>Contact</c>.</summary>
    public string ObjectName => _settings.ObjectName;

    /// <summary>The last <c>Sforce-Limit-Info</c> the org sent (<c>api-usage=used/limit</c>), or null before the first call.</summary>
    public string? LimitInfo => _client.LimitInfo;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SourceObject>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fields = SalesforceFields.Selected(_settings.ObjectName, _settings.Fields)
            .Select(f => new SourceField(SalesforceFields.Name(f), SalesforceFields.Type(f)))
            .ToList();
        return ValueTask.FromResult<IReadOnlyList<SourceObject>>([new SourceObject(_settings.ObjectName, fields)]);
    }

    /// <inheritdoc />
    /// <exception cref="SourceUnavailableException">The org refused the read or a job failed; it carries <c>RetryAfter</c> when the API limit is hit.</exception>
    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.ObjectName, _settings.ObjectName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The salesforce source reads '{_settings.ObjectName}', not '{request.ObjectName}'.", nameof(request));
        }

        DateTimeOffset? since = null;
        if (request.Mode == SourceReadMode.Incremental && request.Cursor is { Length: > 0 } cursor)
        {
            since = SalesforceFields.TryParseTime(cursor, out var parsed)
                ? parsed
                : throw new ArgumentException($"The cursor '{cursor}' is no SystemModstamp; the salesforce source's cursors are ISO 8601 times.", nameof(request));
        }

        var fields = SalesforceFields.Selected(_settings.ObjectName, _settings.Fields).ToList();
        if (since is not null)
        {
            fields.Add(SalesforceFields.IsDeleted);
        }

        var soql = $"SELECT {string.Join(", ", fields)} FROM {_settings.ObjectName}"
            + (since is { } from && from > DateTimeOffset.UnixEpoch ? $" WHERE SystemModstamp >= {SalesforceFields.Literal(from - _overlap)}" : string.Empty);
        // Batches before the last resume the read from where it started; a first read starts before any record.
        var startCursor = Format(since ?? DateTimeOffset.UnixEpoch);
        var high = since;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = _client.QueryAsync(soql, includeDeleted: since is not null, Math.Max(1, request.BatchSize), cancellationToken).GetAsyncEnumerator(cancellationToken);
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
                catch (SalesforceApiException exception)
                {
                    throw Unavailable(exception);
                }
                catch (HttpRequestException exception)
                {
                    throw new SourceUnavailableException($"Salesforce at {_settings.InstanceUrl} cannot be reached: {exception.Message}", exception);
                }

                var page = pages.Current;
                var items = new List<SourceItem>();
                var deleted = new List<string>();
                foreach (var row in page.Rows)
                {
                    var read = Read(page.Header, row, seen, ref high);
                    if (read.Deleted)
                    {
                        deleted.Add(read.Item.ExternalId!);
                    }
                    else
                    {
                        items.Add(read.Item);
                    }
                }

                var batchCursor = page.IsLast ? Format(high ?? since ?? DateTimeOffset.UnixEpoch) : startCursor;
                yield return new SourceBatch(items, batchCursor) { Deleted = deleted };
            }
        }
    }

    private (SourceItem Item, bool Deleted) Read(IReadOnlyList<string> header, IReadOnlyList<string> row, HashSet<string> seen, ref DateTimeOffset? high)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        string? id = null;
        string? converted = null;
        string? account = null;
        var isDeleted = false;
        for (var i = 0; i < header.Count && i < row.Count; i++)
        {
            var apiName = header[i];
            var text = row[i];
            switch (apiName)
            {
                case SalesforceFields.Id:
                    id = text;
                    break;
                case SalesforceFields.IsDeleted:
                    isDeleted = string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
                    continue;
                case SalesforceFields.SystemModstamp when SalesforceFields.TryParseTime(text, out var stamp):
                    high = high is null || stamp > high ? stamp : high;
                    break;
                case "ConvertedContactId":
                    converted = text;
                    break;
                case "AccountId" when !string.Equals(_settings.ObjectName, "Opportunity", StringComparison.OrdinalIgnoreCase):
                case "ConvertedAccountId":
                    account = text.Length > 0 ? text : account;
                    break;
            }

            var value = SalesforceFields.Value(apiName, text);
            if (!value.IsEmpty)
            {
                values[SalesforceFields.Name(apiName)] = value;
            }
        }

        var repeated = id is { Length: > 0 } && !seen.Add(id);
        var item = new SourceItem(id is { Length: > 0 } ? id : null, values)
        {
            Problem = repeated ? $"the id '{id}' repeats a record read before in the same read; the first one is imported." : null,
            ConvertedTo = converted is { Length: > 0 } ? new SourceReference("Contact", converted) : null,
            Account = account is { Length: > 0 } ? new SourceReference("Account", account) : null,
        };
        return (item, isDeleted && item.ExternalId is not null && !repeated);
    }

    private SourceUnavailableException Unavailable(SalesforceApiException exception) =>
        new($"Salesforce refused the read of {_settings.ObjectName}: {exception.Message}", exception)
        {
            RetryAfter = exception.LimitExceeded ? _options.LimitRetryAfter : null,
        };

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
