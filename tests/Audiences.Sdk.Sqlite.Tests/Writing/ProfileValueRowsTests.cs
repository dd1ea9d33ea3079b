using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Tests.Writing;

/// <summary>profile_values holds exactly the rows of each live profile's current values after updates and merges.</summary>
public sealed class ProfileValueRowsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Writes_UpdatesFoldingToTheSameRowAndMerges_LeaveExactlyTheCurrentRows()
    {
        using var store = _directory.OpenStore();
        var ids = await TestRecords.CreatePeopleAsync(store, "a@example.com", "b@example.com");

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            // Unloaded (the writer loads the old values itself), then changed twice in one session.
            await Update(session, ids[0], 2, ("email", FieldValue.FromText("A@EXAMPLE.COM")), ("tags", FieldValue.FromList(["x", "X", "y"])), ("n", FieldValue.FromNumber(-0.0)));
            await session.LoadAsync(ids[0]);
            await Update(session, ids[0], 3, ("email", FieldValue.FromText("a@Example.com")), ("tags", FieldValue.FromList(["y", "z"])), ("n", FieldValue.FromNumber(0)));
            await session.CommitAsync();
        }

        Rows().Should().BeEquivalentTo(
        [
            (ids[0].Value, "email", "A@EXAMPLE.COM"), (ids[0].Value, "tags", "Y"), (ids[0].Value, "tags", "Z"), (ids[0].Value, "n", "0.0"),
            (ids[1].Value, "email", "B@EXAMPLE.COM"),
        ]);

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            // A profile created and then merged in the same session leaves no rows.
            var id = await session.AllocateProfileIdAsync();
            await session.WriteProfileAsync(TestRecords.NewProfile(id, 4, TestRecords.Source("c", 4, "c@example.com")));
            await session.LoadAsync(ids[1]);
            await session.RetireProfileAsync(ids[1], ids[0]);
            await session.RetireProfileAsync(id, ids[0]);
            await session.CommitAsync();
        }

        Rows().Should().BeEquivalentTo(
            [(ids[0].Value, "email", "A@EXAMPLE.COM"), (ids[0].Value, "tags", "Y"), (ids[0].Value, "tags", "Z"), (ids[0].Value, "n", "0.0")]);
    }

    [Fact]
    public async Task WriteProfileAsync_ValuesUnchanged_KeepsTheProfilesRows()
    {
        using var store = _directory.OpenStore();
        var id = (await TestRecords.CreatePeopleAsync(store, "a@example.com"))[0];

        await using var session = await store.Profiles.BeginWriteAsync();
        var profile = (await session.LoadAsync(id))!;
        await session.WriteProfileAsync(new ProfileWrite(id, EntityKind.Person, false, 2, profile.CreatedAt, profile.Values, [], [], []));
        await session.CommitAsync();

        Rows().Should().Equal((id.Value, "email", "A@EXAMPLE.COM"));
    }

    public void Dispose() => _directory.Dispose();

    private static ValueTask Update(IProfileWriteSession session, ProfileId id, long version, params (string Key, FieldValue Value)[] values) =>
        session.WriteProfileAsync(new ProfileWrite(
            id, EntityKind.Person, false, version, TestRecords.Now,
            values.ToDictionary(v => v.Key, v => new ProfileValue(v.Value, new SourceRecordKey("crm", "Contact", "x"), SourceKind.Crm, TestRecords.Now)),
            [], [], []));

    private List<(long, string, string)> Rows()
    {
        using var connection = new SqliteConnection(_directory.ConnectionString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT v.profile_id, f.key, CAST(v.value AS TEXT) FROM profile_values v JOIN value_fields f ON f.id = v.field ORDER BY 1, 2, 3";
        using var row = command.ExecuteReader();
        var rows = new List<(long, string, string)>();
        while (row.Read())
        {
            rows.Add((row.GetInt64(0), row.GetString(1), row.GetString(2)));
        }

        return rows;
    }
}
