using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The <see cref="ISourceRecordIndex"/> contract: the external ids of the committed source records of exactly one
/// source and object, whatever profile holds them, in ordinal order.
/// </summary>
public abstract class SourceRecordIndexSpecification : StoreSpecification
{
    /// <summary>Only the records of the named source and object are listed (names compared exactly), of any kind, also after a restart.</summary>
    [Fact]
    public virtual async Task Lists_the_external_ids_of_one_source_object_only()
    {
        var store = NewStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var version = session.LastVersion;
            await CreateAsync(session, ++version, PersonRecord("ada@example.com", version), RecordIn("crm", "Contact", "003", version));
            await CreateAsync(session, ++version, PersonRecord("bob@example.com", version), RecordIn("erp", "rows", "77", version));
            await CreateAsync(session, ++version, CompanyRecord("acme.com", version));
            await session.CommitAsync();
        }

        foreach (var workspace in new[] { store, Reopen(store) })
        {
            (await workspace.SourceRecords.ListExternalIdsAsync("crm", "rows").ToListAsync()).Should().Equal("acme.com", "ada@example.com", "bob@example.com");
            (await workspace.SourceRecords.ListExternalIdsAsync("crm", "Contact").ToListAsync()).Should().Equal("003");
            (await workspace.SourceRecords.ListExternalIdsAsync("erp", "rows").ToListAsync()).Should().Equal("77");
            (await workspace.SourceRecords.ListExternalIdsAsync("CRM", "rows").ToListAsync()).Should().BeEmpty();
            (await workspace.SourceRecords.ListExternalIdsAsync("crm", "contact").ToListAsync()).Should().BeEmpty();
            (await workspace.SourceRecords.ListExternalIdsAsync("none", "rows").ToListAsync()).Should().BeEmpty();
        }
    }

    /// <summary>Ids come in ordinal order (UTF-16 code units), including ids beyond ASCII and beyond the Basic Multilingual Plane.</summary>
    [Fact]
    public virtual async Task Ids_come_in_ordinal_order()
    {
        string[] ids = ["b", "B", "10", "9", "a\uFF21", "a\U0001F600", "a\U0001F600\uFF21", "a\U0001F600\U0001F601", "é", "a", "\uE000", "\U00010000"];
        var store = NewStore();
        await CreateInAsync(store, "shop", "orders", ids);

        var expected = ids.Order(StringComparer.Ordinal).ToList();
        (await store.SourceRecords.ListExternalIdsAsync("shop", "orders").ToListAsync()).Should().Equal(expected);
        (await Reopen(store).SourceRecords.ListExternalIdsAsync("shop", "orders").ToListAsync()).Should().Equal(expected);
    }

    /// <summary>A long list streams whole and in order.</summary>
    [Fact]
    public virtual async Task A_long_list_streams_whole_in_order()
    {
        var ids = Enumerable.Range(0, 2_500).Select(i => $"order-{(2_500 - i):D5}").ToArray();
        var store = NewStore();
        await CreateInAsync(store, "shop", "orders", ids);

        (await store.SourceRecords.ListExternalIdsAsync("shop", "orders").ToListAsync()).Should().Equal(ids.Order(StringComparer.Ordinal));
    }

    /// <summary>Merging profiles and undoing the merge moves records between profiles; their keys stay listed throughout.</summary>
    [Fact]
    public virtual async Task Keys_stay_listed_through_merges_and_undo()
    {
        var store = NewStore();
        var ids = await SeedPeopleAsync(store, "ada@example.com", "bob@example.com");
        MergeRecord merge;
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            merge = await MergeAsync(store, session, ids[0], ids[1], session.LastVersion + 1);
            await session.CommitAsync();
        }

        (await store.SourceRecords.ListExternalIdsAsync("crm", "rows").ToListAsync()).Should().Equal("ada@example.com", "bob@example.com");

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await UndoAsync(session, merge, [], session.LastVersion + 1);
            await session.CommitAsync();
        }

        (await store.SourceRecords.ListExternalIdsAsync("crm", "rows").ToListAsync()).Should().Equal("ada@example.com", "bob@example.com");
        (await Reopen(store).SourceRecords.ListExternalIdsAsync("crm", "rows").ToListAsync()).Should().Equal("ada@example.com", "bob@example.com");
    }

    /// <summary>Records of an open session are not listed, nor those of a session disposed without commit; they are once it commits.</summary>
    [Fact]
    public virtual async Task Only_committed_records_are_listed()
    {
        var store = NewStore();
        await SeedPeopleAsync(store, "ada@example.com");
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await CreateAsync(session, session.LastVersion + 1, PersonRecord("bob@example.com", session.LastVersion + 1));

            (await store.SourceRecords.ListExternalIdsAsync("crm", "rows").ToListAsync()).Should().Equal("ada@example.com");
        }

        (await store.SourceRecords.ListExternalIdsAsync("crm", "rows").ToListAsync()).Should().Equal("ada@example.com");

        await SeedPeopleAsync(store, "cy@example.com");
        (await store.SourceRecords.ListExternalIdsAsync("crm", "rows").ToListAsync()).Should().Equal("ada@example.com", "cy@example.com");
    }

    /// <summary>A person record of <paramref name="source"/>/<paramref name="objectName"/> without aliases, stored at <paramref name="version"/>.</summary>
    protected StoredSourceRecord RecordIn(string source, string objectName, string externalId, long version) =>
        new(Person(source, externalId, ("name", externalId)) with { Key = new SourceRecordKey(source, objectName, externalId), ObservedAt = Clock.GetUtcNow() }, [], version, version);

    /// <summary>Creates one profile per id, each holding its record of <paramref name="source"/>/<paramref name="objectName"/>, in one committed session.</summary>
    private async Task CreateInAsync(StoreWorkspace store, string source, string objectName, IEnumerable<string> externalIds)
    {
        await using var session = await store.Profiles.BeginWriteAsync();
        var version = session.LastVersion;
        foreach (var id in externalIds)
        {
            version++;
            await CreateAsync(session, version, RecordIn(source, objectName, id, version));
        }

        await session.CommitAsync();
    }
}
