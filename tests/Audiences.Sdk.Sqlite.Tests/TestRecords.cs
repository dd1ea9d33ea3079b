using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Sqlite.Tests;

/// <summary>Builds the writes a matcher would make, for tests that drive a write session directly.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static StoredSourceRecord Source(string id, long version, string? email = null, params (string Key, FieldValue Value)[] values)
    {
        var all = values.ToDictionary(v => v.Key, v => v.Value);
        if (email is not null)
        {
            all["email"] = FieldValue.FromText(email);
        }

        var record = new SourceRecord(new SourceRecordKey("crm", "Contact", id), EntityKind.Person, SourceKind.Crm, all) { ObservedAt = Now };
        AliasKey[] aliases = email is null ? [] : [new AliasKey("email", email)];
        return new StoredSourceRecord(record, aliases, version, version);
    }

    public static ProfileWrite NewProfile(ProfileId id, long version, StoredSourceRecord source) =>
        new(id, EntityKind.Person, IsNew: true, version, Now, Survivorship.Derive([source]), [source], source.Aliases, []);

    /// <summary>Creates one person per email in its own committed session; returns their ids.</summary>
    public static Task<List<ProfileId>> CreatePeopleAsync(StoreWorkspace store, params string[] emails) => CreatePeopleAsync(store.Profiles, emails);

    /// <summary>Creates one person per email in its own committed session; returns their ids.</summary>
    public static async Task<List<ProfileId>> CreatePeopleAsync(IProfileStore store, params string[] emails)
    {
        var ids = new List<ProfileId>();
        await using var session = await store.BeginWriteAsync();
        var version = session.LastVersion;
        foreach (var email in emails)
        {
            var id = await session.AllocateProfileIdAsync();
            version++;
            await session.WriteProfileAsync(NewProfile(id, version, Source($"{email}-record", version, email)));
            ids.Add(id);
        }

        await session.CommitAsync();
        return ids;
    }

    /// <summary>The SQLite store behind a workspace, for its file and internals.</summary>
    public static SqliteStore Root(this StoreWorkspace workspace) => workspace.Services.GetRequiredService<SqliteStore>();
}
