using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Schema;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Schema;

/// <summary>A database written before source records had fingerprints gets them when it is opened, and reads and re-imports as before.</summary>
public sealed class FingerprintBackfillTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Open_DatabaseOfTheLayoutBefore_StoresEveryRecordsFingerprintAndReimportsUnchanged()
    {
        SourceRecord[] records =
        [
            Person("1", ("email", "ada@example.com"), ("title", "CTO")),
            Person("2", ("email", "ada@example.com"), ("score", 7.5)),
            Person("3", ("email", "bob@example.com"), ("active", true), ("tags", new[] { "vip", "é" })),
        ];
        List<Profile> before;
        using (var store = _directory.OpenStore())
        {
            await store.Service.UpsertAsync(records, new ImportOptions(EntityKind.Person));
            before = await store.Profiles.ListProfilesAsync(EntityKind.Person).ToListAsync();
        }

        // The layout before: the same rows without the fingerprint column, at the version before it.
        using (var connection = new SqliteConnection(_directory.ConnectionString()))
        {
            connection.Open();
            Execute(connection, $"ALTER TABLE source_records DROP COLUMN fingerprint; DELETE FROM schema_version WHERE version = {SchemaMigrations.Latest}");
            SchemaMigrator.CurrentVersion(connection).Should().Be(SchemaMigrations.Latest - 1);
        }

        using (var reopened = _directory.OpenStore())
        {
            (await reopened.Profiles.ListProfilesAsync(EntityKind.Person).ToListAsync()).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
            await using (var session = await reopened.Profiles.BeginWriteAsync())
            {
                foreach (var profile in before)
                {
                    foreach (var source in profile.Sources)
                    {
                        (await ((ISourceRecordFingerprints)session).FindFingerprintAsync(source.Key))
                            .Should().Be(new StoredFingerprint(profile.Id, EntityKind.Person, profile.Sources.Count, SourceRecordFingerprint.Of(source)));
                    }
                }
            }

            var again = await reopened.Service.UpsertAsync(records, new ImportOptions(EntityKind.Person));
            again.Unchanged.Should().Be(3);
            (again.Created + again.Updated + again.Merged).Should().Be(0);
        }

        using var check = new SqliteConnection(_directory.ConnectionString());
        check.Open();
        SchemaMigrator.CurrentVersion(check).Should().Be(SchemaMigrations.Latest);
    }

    public void Dispose() => _directory.Dispose();

    private static SourceRecord Person(string id, params (string Key, object Value)[] values) =>
        new(new SourceRecordKey("crm", "Contact", id), EntityKind.Person, SourceKind.Crm, values.ToDictionary(v => v.Key, v => v.Value switch
        {
            string text => FieldValue.FromText(text),
            double number => FieldValue.FromNumber(number),
            bool flag => FieldValue.FromBoolean(flag),
            string[] list => FieldValue.FromList(list),
            _ => throw new ArgumentOutOfRangeException(nameof(values)),
        }));

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
