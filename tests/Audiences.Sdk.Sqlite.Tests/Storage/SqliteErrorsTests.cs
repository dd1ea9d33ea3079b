using Audiences.Sdk.Profiles;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Storage;

public sealed class SqliteErrorsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void Constructor_FileIsNotADatabase_ThrowsNamingTheFile()
    {
        File.WriteAllText(_directory.File("audiences.db"), new string('x', 8192));

        var open = () => _directory.OpenStore();

        open.Should().Throw<IOException>()
            .WithMessage($"The profile database '{_directory.File("audiences.db")}' is damaged or is not a SQLite database. Restore it from a backup*")
            .WithInnerException<SqliteException>();
    }

    [Fact]
    public void Constructor_DirectoryMissing_ThrowsSayingWhatToCheck()
    {
        var file = Path.Combine(_directory.Path, "missing", "audiences.db");

        var open = () => new SqliteStore(new SqliteStoreOptions { ConnectionString = $"Data Source={file}" });

        open.Should().Throw<IOException>().WithMessage($"*'{file}' cannot be opened for writing. Check that its directory exists*");
    }

    [Fact]
    public async Task BeginWriteAsync_AnotherProcessHoldsTheWriteLock_ThrowsAfterTheBusyTimeout()
    {
        using var store = _directory.OpenStore(busyTimeout: TimeSpan.FromMilliseconds(200));
        using var other = new SqliteConnection(_directory.ConnectionString());
        other.Open();
        using var lockHolder = other.BeginTransaction(deferred: false);

        var begin = () => store.Profiles.BeginWriteAsync().AsTask();

        await begin.Should().ThrowAsync<IOException>().WithMessage("*stayed locked by another process*(0.2 s)*raise SqliteStoreOptions.BusyTimeout*");
        lockHolder.Rollback();
        await using var session = await store.Profiles.BeginWriteAsync();
        (await session.AllocateProfileIdAsync()).Should().Be(new ProfileId(1), "a failed start leaves the writer free");
    }

    public void Dispose() => _directory.Dispose();
}
