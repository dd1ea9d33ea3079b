namespace Audiences.Sdk.Benchmarks.Workload;

/// <summary>
/// A private folder for the databases and files of one run, deleted when disposed. By default it
/// lives under the program's own output folder (inside the git-ignored <c>bin/</c>), so a run
/// touches nothing outside the repository and leaves nothing in the work tree.
/// </summary>
public sealed class Workspace : IDisposable
{
    /// <summary>Creates a new folder under <paramref name="root"/>, or under the program's output folder when null.</summary>
    public Workspace(string? root = null)
    {
        Root = Path.Combine(root ?? Path.Combine(AppContext.BaseDirectory, "bench-data"), Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder.</summary>
    public string Root { get; }

    /// <summary>A path in the folder.</summary>
    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Deletes a SQLite database with its WAL and shared-memory files, so the next run starts empty.</summary>
    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
