using System.Globalization;
using System.Runtime.CompilerServices;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Testing.Tests.Specification;

/// <summary>
/// A source over a list of fixture rows, each with the version of its last write; its cursor is the highest version
/// read. <see cref="Flaw"/> breaks one rule of the contract, so the tests can show the suite catches it.
/// </summary>
internal sealed class ListSource : ISource
{
    private readonly List<(FixtureRow Row, long Version)> _rows = [];
    private long _version;

    public ListSource(IEnumerable<FixtureRow> rows)
    {
        foreach (var row in rows)
        {
            Upsert(row);
        }
    }

    public enum Flaws
    {
        None,
        /// <summary>Puts every row of a read into one batch.</summary>
        OneBatch,
        /// <summary>Reads new rows only: its cursor counts rows, so a changed row is never read again.</summary>
        NewRowsOnly,
    }

    public Flaws Flaw { get; init; }

    public void Upsert(FixtureRow row)
    {
        Delete(row.Id);
        _rows.Add((row, ++_version));
    }

    public void Delete(string id) => _rows.RemoveAll(r => r.Row.Id == id);

    public ValueTask<IReadOnlyList<SourceObject>> DescribeAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<SourceObject>>(
        [
            new SourceObject("people", [new("id", FieldType.Text), new("name", FieldType.Text), new("score", FieldType.Number), new("updated_at", FieldType.DateTime)]),
        ]);

    public IAsyncEnumerable<SourceBatch> ReadAsync(SourceReadRequest request, CancellationToken cancellationToken = default)
    {
        if (request.ObjectName != "people")
        {
            throw new ArgumentException($"No object '{request.ObjectName}'.", nameof(request));
        }

        var after = 0L;
        if (request.Mode == SourceReadMode.Incremental && request.Cursor is { } cursor &&
            !(cursor.StartsWith("list:", StringComparison.Ordinal) && long.TryParse(cursor[5..], CultureInfo.InvariantCulture, out after)))
        {
            throw new ArgumentException("Not a cursor of this source.", nameof(request));
        }

        return ReadBatchesAsync(request, after, cancellationToken);
    }

    private async IAsyncEnumerable<SourceBatch> ReadBatchesAsync(SourceReadRequest request, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var rows = _rows.OrderBy(r => r.Version).ToList();
        var read = Flaw == Flaws.NewRowsOnly ? rows.Skip((int)after).ToList() : rows.Where(r => r.Version > after).ToList();
        var size = Flaw == Flaws.OneBatch ? Math.Max(read.Count, 1) : request.BatchSize;
        var position = Flaw == Flaws.NewRowsOnly ? after : 0;
        foreach (var chunk in read.Chunk(size))
        {
            cancellationToken.ThrowIfCancellationRequested();
            position = Flaw == Flaws.NewRowsOnly ? position + chunk.Length : chunk[^1].Version;
            yield return new SourceBatch([.. chunk.Select(r => Item(r.Row, r.Version))], "list:" + position.ToString(CultureInfo.InvariantCulture));
        }

        if (read.Count == 0)
        {
            yield return new SourceBatch([], "list:" + (Flaw == Flaws.NewRowsOnly ? after : _version).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static SourceItem Item(FixtureRow row, long version) => new(row.Id, new Dictionary<string, FieldValue>
    {
        ["id"] = FieldValue.FromText(row.Id),
        ["name"] = FieldValue.FromText(row.Name),
        ["score"] = FieldValue.FromNumber(row.Score),
        ["updated_at"] = FieldValue.FromDateTime(DateTimeOffset.UnixEpoch.AddMinutes(version)),
    });
}
