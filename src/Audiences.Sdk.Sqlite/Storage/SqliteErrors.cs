using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Storage;

/// <summary>
/// Turns SQLite's errors about the database file (damaged, locked, not writable, disk full) into
/// messages that name the file and say what to do. Other errors are left as they are.
/// </summary>
internal static class SqliteErrors
{
    private const int Permission = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>Whether the error is about the database file rather than about a statement.</summary>
    public static bool IsAboutFile(SqliteException exception) =>
        (exception.SqliteErrorCode & 0xFF) is Permission or Busy or Locked or ReadOnly or IoError or Corrupt or Full or CannotOpen or NotADatabase;

    /// <summary>An <see cref="IOException"/> that names the file, says what went wrong and how to fix it.</summary>
    public static IOException Describe(SqliteException exception, SqliteDatabase database)
    {
        var file = database.FilePath;
        var message = (exception.SqliteErrorCode & 0xFF) switch
        {
            Corrupt or NotADatabase =>
                $"The profile database '{file}' is damaged or is not a SQLite database. Restore it from a backup, "
                + "or point the connection string at another file to start a new store.",
            Busy or Locked =>
                $"The profile database '{file}' stayed locked by another process or connection for longer than the busy timeout "
                + $"({database.BusyTimeout.TotalSeconds:0.#} s). Wait for the other writer to finish, close programs that hold the file open, "
                + "or raise SqliteStoreOptions.BusyTimeout.",
            ReadOnly or Permission or CannotOpen =>
                $"The profile database '{file}' cannot be opened for writing. Check that its directory exists and that this process "
                + $"may create and write '{Path.GetFileName(file)}', '{Path.GetFileName(file)}-wal' and '{Path.GetFileName(file)}-shm' there.",
            Full =>
                $"The disk holding the profile database '{file}' is full. Free space and retry; the batch being written was not stored.",
            _ =>
                $"Reading or writing the profile database '{file}' failed at the file level. Check the disk and retry; "
                + "the batch being written was not stored.",
        };
        return new IOException($"{message} (SQLite: {exception.Message})", exception);
    }
}
