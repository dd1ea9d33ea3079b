using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Audiences.Sdk.Sqlite.Storage;

/// <summary>
/// A statement prepared directly on the connection's SQLite handle and bound by position. The
/// write path runs a few statements millions of times; binding through <see cref="SqliteCommand"/>
/// parameters costs several times SQLite's own work for a small row, this costs little more than it.
/// Values are always bound, never spliced into the SQL. Errors surface as <see cref="SqliteException"/>,
/// exactly as they do from a command.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private sqlite3_stmt? _statement;
    private byte[] _text = new byte[256];

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        _statement = statement;
    }

    private sqlite3_stmt Statement => _statement ?? throw new ObjectDisposedException(nameof(RawStatement));

    /// <summary>Binds an integer to the 1-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, long value) => Check(raw.sqlite3_bind_int64(Statement, index, value));

    /// <summary>Binds text (null binds NULL), encoded as UTF-8 the way <see cref="SqliteCommand"/> encodes it.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(Statement, index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _text.Length)
        {
            _text = new byte[Math.Max(length, _text.Length * 2)];
        }

        // SQLite copies bound text (SQLITE_TRANSIENT), so the buffer is free again at once.
        var written = Encoding.UTF8.GetBytes(value, _text);
        Check(raw.sqlite3_bind_text(Statement, index, _text.AsSpan(0, written)));
    }

    /// <summary>Binds text already encoded as UTF-8 (copied by SQLite).</summary>
    public void BindUtf8(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(Statement, index, value));

    /// <summary>Binds a floating-point number to the 1-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, double value) => Check(raw.sqlite3_bind_double(Statement, index, value));

    /// <summary>Binds a BLOB (copied by SQLite).</summary>
    public void Bind(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(Statement, index, value));

    /// <summary>Binds NULL.</summary>
    public void BindNull(int index) => Check(raw.sqlite3_bind_null(Statement, index));

    /// <summary>Binds an integer, or NULL when there is none.</summary>
    public void Bind(int index, long? value)
    {
        if (value is { } number)
        {
            Bind(index, number);
        }
        else
        {
            BindNull(index);
        }
    }

    /// <summary>Runs a statement that returns no rows; returns the rows it changed.</summary>
    public int Execute()
    {
        var statement = Statement;
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return raw.sqlite3_changes(_db);
    }

    /// <summary>Steps to the next row; false when there is none. Call <see cref="Reset"/> when done reading.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(Statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(Statement);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return false;
    }

    /// <summary>Whether a column of the current row is NULL.</summary>
    public bool IsNull(int column) => raw.sqlite3_column_type(Statement, column) == raw.SQLITE_NULL;

    /// <summary>An integer column of the current row (0-based).</summary>
    public long GetInt64(int column) => raw.sqlite3_column_int64(Statement, column);

    /// <summary>A text column of the current row (0-based).</summary>
    public string GetText(int column) => raw.sqlite3_column_text(Statement, column).utf8_to_string();

    /// <summary>A BLOB column of the current row; valid until the next step or reset.</summary>
    public ReadOnlySpan<byte> GetBlob(int column) => raw.sqlite3_column_blob(Statement, column);

    /// <summary>Ends the current run so the statement can be bound again.</summary>
    public void Reset() => raw.sqlite3_reset(Statement);

    /// <summary>Finalizes the statement.</summary>
    public void Dispose()
    {
        _statement?.Dispose();
        _statement = null;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
