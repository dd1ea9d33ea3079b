using System.Globalization;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Tests.Sync;

/// <summary>
/// A table as a source, for driving the sync engine: rows with an id, a change time and values; incremental reads after
/// a <c>time|id</c> cursor in change order; full reads in id order; failures injected at a given batch.
/// </summary>
internal sealed class FakeTableSource : ISource
{
    private readonly SortedDictionary<string, (DateTimeOffset ChangedAt, Dictionary<string, FieldValue> Values)> _rows = new(StringComparer.Ordinal);

    public const string Object = "contacts";

    /// <summary>
    /// The next reads that fail with <see cref="SourceUnavailableException"/>: each entry, taken by one read, is the number
    /// of batches that read hands out before failing. Reads after the queue is empty succeed.
    /// </summary>
    public Queue<int> Failures { get; } = new();

    /// <summary>When set, every read waits for it before its first batch (to hold a run open).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, describing the source throws it (a table dropped, a database that went away).</summary>
    public Exception? DescribeFailure { get; set; }

    /// <summary>When set, runs as the source is described (to cancel a run at that moment).</summary>
    public Action? OnDescribe { get; set; }

    /// <summary>When set, runs before each batch of a read is handed out, with the batch's index (to cancel or fail there).</summary>
    public Action<int>? BeforeBatch { get; set; }

    /// <summary>Every read request, in order.</summary>
    public List<SourceReadRequest> Reads { get; } = [];

    public void Put(string id, DateTimeOffset changedAt, params (string Field, string Value)[] values) =>
        _rows[id] = (changedAt, values.ToDictionary(v => v.Field, v => FieldValue.FromText(v.Value), StringComparer.Ordinal));

    public void Remove(string id) => _rows.Remove(id);

    public ValueTask<IReadOnlyList<SourceObject>> DescribeAsync(CancellationToken cancellationToken = default)
    {
        OnDescribe?.Invoke();
        cancellationToken.ThrowIfCancellationRequested();
        return DescribeFailure is { } failure
            ? ValueTask.FromException<IReadOnlyList<SourceObject>>(failure)
            : ValueTask.FromResult<IReadOnlyList<SourceObject>>(
                [new SourceObject(Object, [new("id", FieldType.Text), new("changed_at", FieldType.DateTime), new("Email", FieldType.Text), new("Job Title", FieldType.Text), new("score", FieldType.Text)])]);
    }

    public async IAsyncEnumerable<SourceBatch> ReadAsync(SourceReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Reads.Add(request);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        int? failAfter = Failures.Count > 0 ? Failures.Dequeue() : null;

        var after = Parse(request.Cursor);
        var rows = _rows.Select(r => (Id: r.Key, r.Value.ChangedAt, r.Value.Values))
            .Where(r => request.Mode == SourceReadMode.Full || after is null || (r.ChangedAt, r.Id).CompareTo(after.Value) > 0)
            .OrderBy(r => request.Mode == SourceReadMode.Full ? DateTimeOffset.MinValue : r.ChangedAt).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var batches = 0;
        (DateTimeOffset, string)? high = after;
        foreach (var chunk in rows.Chunk(request.BatchSize))
        {
            await Task.Yield();
            if (batches == failAfter)
            {
                throw new SourceUnavailableException("the connection to the fake table dropped") { RetryAfter = TimeSpan.FromSeconds(1) };
            }

            foreach (var row in chunk)
            {
                high = high is null || (row.ChangedAt, row.Id).CompareTo(high.Value) > 0 ? (row.ChangedAt, row.Id) : high;
            }

            BeforeBatch?.Invoke(batches);
            batches++;
            yield return new SourceBatch([.. chunk.Select(Item)], Format(high));
        }
    }

    private static SourceItem Item((string Id, DateTimeOffset ChangedAt, Dictionary<string, FieldValue> Values) row)
    {
        var values = new Dictionary<string, FieldValue>(row.Values, StringComparer.Ordinal)
        {
            ["id"] = FieldValue.FromText(row.Id),
            ["changed_at"] = FieldValue.FromDateTime(row.ChangedAt),
        };
        return new SourceItem(row.Id, values);
    }

    private static string? Format((DateTimeOffset At, string Id)? cursor) =>
        cursor is { } c ? $"{c.At.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{c.Id}" : null;

    private static (DateTimeOffset, string)? Parse(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        var parts = cursor.Split('|', 2);
        return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), parts[1]);
    }
}
