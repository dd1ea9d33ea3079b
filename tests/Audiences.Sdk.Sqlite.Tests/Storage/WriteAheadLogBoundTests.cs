using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Sqlite.Tests.Storage;

public sealed class WriteAheadLogBoundTests : IDisposable
{
    private const long Bound = SqliteStoreOptions.MinWriteAheadLogBytes;

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Import_ManyBatches_KeepsTheLogUnderItsBound()
    {
        var logFile = _directory.File("audiences.db") + "-wal";
        long largest = 0;
        using (var store = _directory.OpenStore(maxLogBytes: Bound))
        {
            for (var batch = 0; batch < 40; batch++)
            {
                var records = Enumerable.Range(batch * 150, 150).Select(Person).ToList();
                await store.Service.UpsertAsync(records, new ImportOptions(EntityKind.Person));

                // The log file only grows between restarts, so its length after a session is the
                // largest it has been since the last one.
                largest = Math.Max(largest, new FileInfo(logFile).Length);
            }

            (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(6_000);
        }

        largest.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(Bound);
        new FileInfo(_directory.File("audiences.db")).Length.Should().BeGreaterThan(2 * Bound, "the import wrote more than the bound, so the log had to start over");
    }

    public void Dispose() => _directory.Dispose();

    private static SourceRecord Person(int i) => new(
        new SourceRecordKey("crm", "Contact", i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        EntityKind.Person,
        SourceKind.Crm,
        new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText($"person{i}@example.com"),
            ["title"] = FieldValue.FromText($"Title of person number {i}"),
            ["company"] = FieldValue.FromText($"Company {i % 97}"),
            ["city"] = FieldValue.FromText($"City {i % 13}"),
        });
}
