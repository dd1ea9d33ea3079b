using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Import;

/// <summary>One item a source delivers to an import: a record, or the error that replaced a malformed one.</summary>
public readonly record struct SourceRow
{
    private SourceRow(SourceRecord? record, ImportError? error, long? line)
    {
        Record = record;
        Error = error;
        Line = line;
    }

    /// <summary>The record, when the row was read well.</summary>
    public SourceRecord? Record { get; }

    /// <summary>The error, when the row was malformed.</summary>
    public ImportError? Error { get; }

    /// <summary>The 1-based line where the row starts, when the source has lines.</summary>
    public long? Line { get; }

    /// <summary>A well-read record.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public static SourceRow Of(SourceRecord record, long? line = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SourceRow(record, null, line);
    }

    /// <summary>A rejected row.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public static SourceRow Rejected(ImportError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new SourceRow(null, error, error.Line);
    }

    /// <summary>Wraps a record as a row.</summary>
    public static implicit operator SourceRow(SourceRecord record) => Of(record);
}
