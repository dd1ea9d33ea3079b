using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Schema;
using Audiences.Sdk.Sqlite.Serialization;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Schema;

/// <summary>A database written at schema version 2, before profile_values existed, gets its value rows when it is opened.</summary>
public sealed class ProfileValueBackfillTests : IDisposable
{
    private static readonly FilterCatalog Catalog = new(
    [
        new FieldDefinition("title", EntityKind.Person, FieldType.Text, "test"),
        new FieldDefinition("tags", EntityKind.Person, FieldType.TextList, "test"),
        new FieldDefinition("score", EntityKind.Person, FieldType.Number, "test"),
        new FieldDefinition("active", EntityKind.Person, FieldType.Boolean, "test"),
        new FieldDefinition("seen", EntityKind.Person, FieldType.DateTime, "test"),
    ]);

    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("title = \"vp sales\"", new long[] { 1 })]
    [InlineData("title contains \"ENGINE\"", new long[] { 2 })]
    [InlineData("tags in [\"élodie\"]", new long[] { 1 })]
    [InlineData("score >= 50", new long[] { 1, 4 })]
    [InlineData("score < 50 and active = true", new long[] { 2 })]
    [InlineData("seen before 2025-06-01", new long[] { 2 })]
    [InlineData("title is empty", new long[] { 4 })]
    [InlineData("not tags in [\"vip\"]", new long[] { 2, 4 })]
    public async Task Open_DatabaseAtVersion2_BackfillsValueRowsThatFiltersRead(string filter, long[] expected)
    {
        WriteVersion2Database();

        using var store = _directory.OpenStore();
        var bound = FilterParser.Parse(filter, EntityKind.Person, Catalog);

        var ids = new List<long>();
        await foreach (var profile in store.Queries.ListProfilesAsync(bound, afterId: null, limit: 100))
        {
            ids.Add(profile.Id.Value);
        }

        ids.Should().Equal(expected);
        (await store.Queries.CountProfilesAsync(bound)).Should().Be(expected.Length);
    }

    [Fact]
    public void Open_DatabaseAtVersion2_RecordsVersion3AndOneRowPerValue()
    {
        WriteVersion2Database();

        using (_directory.OpenStore())
        {
        }

        using var connection = new SqliteConnection(_directory.ConnectionString());
        connection.Open();
        SchemaMigrator.CurrentVersion(connection).Should().Be(SchemaMigrations.Latest);

        // 1: title, two tags, score, seen; 2: title, score, active, seen; 3 is retired; 4: score.
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT profile_id, count(*) FROM profile_values GROUP BY profile_id ORDER BY profile_id";
        using var row = count.ExecuteReader();
        var rows = new List<(long, long)>();
        while (row.Read())
        {
            rows.Add((row.GetInt64(0), row.GetInt64(1)));
        }

        rows.Should().Equal((1L, 5L), (2L, 4L), (4L, 1L));
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>
    /// Builds a file at schema version 2 the way that version wrote it: profile 1 keeps its own values,
    /// profile 2's are derived from its single source record (vals is NULL), 3 was merged into 1, 4 keeps one value.
    /// </summary>
    private void WriteVersion2Database()
    {
        using var connection = new SqliteConnection(_directory.ConnectionString());
        connection.Open();
        SchemaMigrator.Apply(connection, SchemaMigrations.All.Where(m => m.Version <= 2).ToList(), "v2.db").Should().Be(2);

        var seen = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        InsertProfile(connection, 1, Stored(
            ("title", FieldValue.FromText("VP Sales")),
            ("tags", FieldValue.FromList(["VIP", "E\u0301lodie"])),
            ("score", FieldValue.FromNumber(70)),
            ("seen", FieldValue.FromDateTime(seen.AddMonths(6)))));
        InsertProfile(connection, 2, vals: null);
        InsertProfile(connection, 4, Stored(("score", FieldValue.FromNumber(50))));
        Execute(connection, "INSERT INTO merged_ids (merged_id, survivor_id) VALUES (3, 1)");
        Execute(connection, "UPDATE meta SET last_version = 4, next_profile_id = 5");

        var source = TestRecords.Source(
            "2", 2, null, ("title", FieldValue.FromText("Engineer")), ("score", FieldValue.FromNumber(10)),
            ("active", FieldValue.FromBoolean(true)), ("seen", FieldValue.FromDateTime(seen)));
        InsertSource(connection, source, 2);
    }

    /// <summary>Inserts a source record with the columns version 2 had.</summary>
    internal static void InsertSource(SqliteConnection connection, StoredSourceRecord source, long profileId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO source_records (source, object, external_id, profile_id, kind, source_kind, observed_at, vals, aliases, first_version, last_version)
            VALUES ($source, $object, $external_id, $profile_id, $kind, $source_kind, $observed_at, $vals, $aliases, $first_version, $last_version)
            """;
        var record = source.Record;
        command.Parameters.AddWithValue("$source", record.Key.Source);
        command.Parameters.AddWithValue("$object", record.Key.ObjectName);
        command.Parameters.AddWithValue("$external_id", record.Key.ExternalId);
        command.Parameters.AddWithValue("$profile_id", profileId);
        command.Parameters.AddWithValue("$kind", (long)record.Kind);
        command.Parameters.AddWithValue("$source_kind", (long)record.SourceKind);
        command.Parameters.AddWithValue("$observed_at", record.ObservedAt?.UtcTicks ?? (object)DBNull.Value);
        command.Parameters.AddWithValue("$vals", ValueCodec.EncodeValues(record.Values));
        command.Parameters.AddWithValue("$aliases", ValueCodec.EncodeAliases(source.Aliases));
        command.Parameters.AddWithValue("$first_version", source.FirstSeenVersion);
        command.Parameters.AddWithValue("$last_version", source.LastChangedVersion);
        command.ExecuteNonQuery();
    }

    private static byte[] Stored(params (string Key, FieldValue Value)[] values) =>
        ProfileValueCodec.Encode(values.ToDictionary(
            v => v.Key, v => new ProfileValue(v.Value, new SourceRecordKey("crm", "Contact", "x"), SourceKind.Crm, TestRecords.Now)));

    private static void InsertProfile(SqliteConnection connection, long id, byte[]? vals)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO profiles (id, kind, version, created_at, aliases, vals) VALUES ($id, $kind, $id, 0, $aliases, $vals)";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$kind", (long)EntityKind.Person);
        command.Parameters.AddWithValue("$aliases", ValueCodec.EncodeAliases([]));
        command.Parameters.AddWithValue("$vals", vals ?? (object)DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
