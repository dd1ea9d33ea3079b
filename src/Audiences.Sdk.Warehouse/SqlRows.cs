using System.Data.Common;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// Reads the rows of one read into source items: values by column, the external id, the row's position, and a
/// problem for a row whose id is empty or seen before in the read; and keeps the watermark of the last row.
/// </summary>
/// <remarks>The ids of the read are kept, each with its row, so a repeated id names the row that had it first.</remarks>
internal sealed class SqlRows
{
    private readonly DbDataReader _reader;
    private readonly SqlReadPlan _plan;
    private readonly string[] _names;
    private readonly FieldType[] _types;
    private readonly int _id;
    private readonly int _timestamp = -1;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);
    private SqlTypedValue? _watermark;
    private SqlTypedValue? _watermarkId;

    public SqlRows(DbDataReader reader, SqlReadPlan plan, IReadOnlyList<SourceField> fields)
    {
        _reader = reader;
        _plan = plan;
        _names = new string[reader.FieldCount];
        _types = new FieldType[reader.FieldCount];
        _id = -1;
        for (var i = 0; i < _names.Length; i++)
        {
            _names[i] = reader.GetName(i);
            _types[i] = fields.FirstOrDefault(f => f.Name == _names[i])?.Type ?? FieldType.Text;
            _id = _id < 0 && _names[i] == plan.IdField ? i : _id;
            _timestamp = _timestamp < 0 && _names[i] == plan.TimestampField ? i : _timestamp;
        }

        if (_id < 0 || (plan.TimestampField is not null && _timestamp < 0))
        {
            throw new InvalidOperationException("The query's columns changed between its description and its read; read again.");
        }

        _watermark = plan.Start.Timestamp;
        _watermarkId = plan.Start.Id;
    }

    /// <summary>The rows read so far.</summary>
    public long Position { get; private set; }

    /// <summary>Where to resume after the rows read so far.</summary>
    public SqlCursor Cursor => _plan.Start with { Timestamp = _watermark, Id = _watermark is null ? null : _watermarkId };

    /// <summary>Whether the current row is stamped after the read's start, which ends a capped read (rows come in timestamp order).</summary>
    public bool IsPastCap() =>
        _plan.Capped && _timestamp >= 0 && SqlTimestamps.Instant(_reader.GetValue(_timestamp)) is { } instant && instant > _plan.Start.UpTo;

    /// <summary>The current row as a source item.</summary>
    public SourceItem Read()
    {
        Position++;
        var values = new Dictionary<string, FieldValue>(_names.Length, StringComparer.Ordinal);
        List<string>? problems = null;
        for (var i = 0; i < _names.Length; i++)
        {
            values[_names[i]] = SqlValues.Convert(_reader.GetValue(i), _types[i], out var problem);
            if (problem is not null)
            {
                (problems ??= []).Add($"the field '{_names[i]}': {problem}");
            }
        }

        var id = _reader.GetValue(_id);
        var externalId = id is null or DBNull ? null : SqlValues.Text(id);
        if (string.IsNullOrWhiteSpace(externalId))
        {
            externalId = null;
            (problems ??= []).Insert(0, $"the id field '{_plan.IdField}' is empty");
        }
        else if (!_ids.TryAdd(externalId, Position))
        {
            (problems ??= []).Insert(0, $"the id '{externalId}' appears again; first at row {_ids[externalId]}");
        }

        Advance(id);
        return new SourceItem(externalId, values) { Position = Position, Problem = problems is null ? null : string.Join("; ", problems) };
    }

    // The rows come in (timestamp, id) order, so the last row with a timestamp is the watermark; one without an id
    // (or with an id no cursor can hold) leaves no tie-breaker, and the next read takes its whole timestamp again.
    private void Advance(object? id)
    {
        if (_timestamp < 0)
        {
            return;
        }

        var value = _reader.GetValue(_timestamp);
        if (SqlTimestamps.Instant(value) is not null && SqlTypedValue.From(value) is { } timestamp && timestamp.AtInstant(DateTimeOffset.UnixEpoch) is not null)
        {
            _watermark = timestamp;
            _watermarkId = id is null or DBNull ? null : SqlTypedValue.From(id);
        }
    }
}
