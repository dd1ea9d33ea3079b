using Audiences.Cli.Cli;

namespace Audiences.Cli.Demo;

/// <summary>Removes the previous demo database so every run starts from nothing.</summary>
internal static class DemoDatabase
{
    // SQLite keeps a write-ahead log and shared memory (WAL mode) or a rollback journal beside the file.
    private static readonly string[] Suffixes = ["", "-wal", "-shm", "-journal"];

    /// <exception cref="InputException">A file cannot be deleted (in use, or no permission).</exception>
    public static void Delete(string databasePath)
    {
        foreach (var suffix in Suffixes)
        {
            var path = databasePath + suffix;
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new InputException($"demo: the old demo database file '{path}' cannot be deleted ({e.Message}); close what uses it, or use another --db folder.", e);
            }
        }
    }
}
