using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Testing.Specification;

namespace Audiences.Sdk.Sqlite.Tests;

public sealed class SqliteProfileStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Reopen_FileDatabase_ReadsEverythingBack()
    {
        ProfileId survivor;
        long version;
        using (var store = _directory.OpenStore(clock: new FixedClock(TestRecords.Now)))
        {
            var service = store.Service;
            await service.UpsertAsync(
                [
                    Person("a", "1", ("email", "ada@example.com"), ("title", "CTO"), ("born", new DateTimeOffset(1815, 12, 10, 0, 0, 0, TimeSpan.Zero))),
                    Person("b", "1", ("linkedin_url", "linkedin.com/in/ada"), ("tags", new[] { "vip", "é" })),
                    Person("c", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")),
                ],
                new ImportOptions(EntityKind.Person));
            await service.ImportRelatedAsync(Related(new SourceRecordKey("a", "rows", "1")));
            survivor = (await store.Profiles.ListProfilesAsync(EntityKind.Person).ToListAsync()).Single().Id;
            version = await store.Changes.GetLastVersionAsync();
        }

        using var reopened = _directory.OpenStore();

        var profile = (await reopened.Profiles.GetProfileAsync(new ProfileId(2)))!;
        profile.Id.Should().Be(survivor);
        profile["title"].Should().Be(FieldValue.FromText("CTO"));
        profile["tags"].AsList().Should().Equal("vip", "é");
        profile.Sources.Select(s => s.Key.Source).Should().Equal("a", "b", "c");
        profile.Aliases.Should().BeEquivalentTo([new AliasKey("email", "ada@example.com"), new AliasKey("linkedin_url", "linkedin.com/in/ada")]);
        (await reopened.Changes.GetLastVersionAsync()).Should().Be(version);
        (await reopened.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle().Which.MergedId.Should().Be(new ProfileId(2));
        (await reopened.Catalog.GetFieldsAsync(EntityKind.Person)).Select(f => f.Key).Should().Equal("born", "email", "linkedin_url", "tags", "title");
        (await reopened.Related.ListRelatedRecordsAsync(EntityKind.Person, [new SourceRecordKey("a", "rows", "1")], []).ToListAsync()).Should().ContainSingle();
        await using var session = await reopened.Profiles.BeginWriteAsync();
        session.LastVersion.Should().Be(version);
        (await session.AllocateProfileIdAsync()).Should().Be(new ProfileId(3), "ids of merged profiles are never handed out again");
    }

    [Fact]
    public async Task DisposeAsync_SessionNotCommitted_RollsBackEverything()
    {
        using var store = _directory.OpenStore();
        await TestRecords.CreatePeopleAsync(store, "ada@example.com");

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var id = await session.AllocateProfileIdAsync();
            await session.WriteProfileAsync(TestRecords.NewProfile(id, 2, TestRecords.Source("2", 2, "bob@example.com")));
            await session.RetireProfileAsync(new ProfileId(1), id);
            await store.Ledger.AppendMergeAsync(session, new MergeRecord(3, EntityKind.Person, id, new ProfileId(1), null, new SourceRecordKey("crm", "Contact", "2"), TestRecords.Now));
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("never", EntityKind.Person, FieldType.Text, "test"));
            await store.Related.UpsertRelatedRecordAsync(session, new RelatedRecord(new SourceRecordKey("crm", "Task", "1"), "tasks", EntityKind.Person, new Dictionary<string, FieldValue>()) { OwnerRecord = new SourceRecordKey("crm", "Contact", "2") });
        }

        (await store.Profiles.ResolveAsync(new ProfileId(1))).Should().Be(new ProfileId(1));
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(1);
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, new AliasKey("email", "bob@example.com"))).Should().BeNull();
        (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().BeEmpty();
        (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Should().BeEmpty();
        (await store.Related.ListRelatedRecordsAsync(EntityKind.Person, [new SourceRecordKey("crm", "Contact", "2")], []).ToListAsync()).Should().BeEmpty();
        (await store.Changes.GetLastVersionAsync()).Should().Be(1);
        await using var next = await store.Profiles.BeginWriteAsync();
        next.LastVersion.Should().Be(1);
        (await next.AllocateProfileIdAsync()).Should().Be(new ProfileId(2));
    }

    [Fact]
    public async Task Readers_WhileASessionIsOpen_SeeOnlyCommittedData()
    {
        using var store = _directory.OpenStore();
        await TestRecords.CreatePeopleAsync(store, "ada@example.com");
        await using var session = await store.Profiles.BeginWriteAsync();
        var id = await session.AllocateProfileIdAsync();
        await session.WriteProfileAsync(TestRecords.NewProfile(id, 2, TestRecords.Source("2", 2, "bob@example.com")));

        var readers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () => (
            Count: await store.Profiles.CountProfilesAsync(EntityKind.Person),
            Bob: await store.Profiles.FindByAliasAsync(EntityKind.Person, new AliasKey("email", "bob@example.com")),
            Ada: await store.Profiles.GetProfileAsync(new ProfileId(1)),
            Version: await store.Changes.GetLastVersionAsync())));
        var seen = await Task.WhenAll(readers);

        seen.Should().OnlyContain(r => r.Count == 1 && r.Bob == null && r.Ada != null && r.Version == 1);
        (await session.LoadAsync(id)).Should().NotBeNull("the session reads its own writes");
        await session.CommitAsync();
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(2);
    }

    [Fact]
    public async Task CommitAsync_Twice_ThrowsSayingTheSessionIsCommitted()
    {
        using var store = _directory.OpenStore();
        var session = await store.Profiles.BeginWriteAsync();
        await session.CommitAsync();

        var again = () => session.CommitAsync().AsTask();
        var write = () => session.AllocateProfileIdAsync().AsTask();

        await again.Should().ThrowAsync<InvalidOperationException>().WithMessage("*already committed*BeginWriteAsync*");
        await write.Should().ThrowAsync<InvalidOperationException>();
        await session.DisposeAsync();
        await using var next = await store.Profiles.BeginWriteAsync();
        next.Should().NotBeNull("a committed session no longer holds the writer");
    }

    [Fact]
    public async Task BeginWriteAsync_CancelledWhileWaiting_ThrowsAndKeepsTheGate()
    {
        using var store = _directory.OpenStore();
        var first = await store.Profiles.BeginWriteAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var second = () => store.Profiles.BeginWriteAsync(cts.Token).AsTask();

        await second.Should().ThrowAsync<OperationCanceledException>();
        await first.DisposeAsync();
        await using var third = await store.Profiles.BeginWriteAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Calls_AfterDispose_ThrowObjectDisposed()
    {
        var store = _directory.OpenStore();
        var session = await store.Profiles.BeginWriteAsync();
        await store.DisposeAsync();
        store.Dispose();

        await FluentActions.Awaiting(() => store.Changes.GetLastVersionAsync().AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.Profiles.BeginWriteAsync().AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => store.Profiles.ListProfilesAsync(EntityKind.Person).ToListAsync().AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => session.AllocateProfileIdAsync().AsTask()).Should().ThrowAsync<ObjectDisposedException>();
        await session.DisposeAsync();
    }

    [Fact]
    public async Task InMemory_SeparateStores_AreIsolatedAndLeaveNoFile()
    {
        string file;
        using (var first = StoreWorkspace.Create(b => b.UseSqlite("Data Source=:memory:")))
        using (var second = StoreWorkspace.Create(b => b.UseSqlite("Data Source=:memory:")))
        {
            await TestRecords.CreatePeopleAsync(first, "ada@example.com");
            (await first.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(1);
            (await second.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(0);
            file = first.Root().FilePath;
        }

        File.Exists(file).Should().BeFalse();
    }

    [Fact]
    public async Task ListProfilesAsync_MoreThanAPage_StreamsEveryProfileInIdOrder()
    {
        using var store = _directory.OpenStore();
        var emails = Enumerable.Range(1, 1_234).Select(i => $"p{i}@example.com").ToArray();
        await TestRecords.CreatePeopleAsync(store, emails);

        var listed = await store.Profiles.ListProfilesAsync(EntityKind.Person).ToListAsync();

        listed.Select(p => p.Id.Value).Should().Equal(Enumerable.Range(1, 1_234).Select(i => (long)i));
        listed.Should().OnlyContain(p => p.Sources.Count == 1 && p.Aliases.Count == 1);
        (await store.Profiles.ListProfilesAsync(EntityKind.Company).ToListAsync()).Should().BeEmpty();
    }

    public void Dispose() => _directory.Dispose();

    private static SourceRecord Person(string source, string id, params (string Key, object Value)[] values) =>
        new(new SourceRecordKey(source, "rows", id), EntityKind.Person, SourceKind.Csv, values.ToDictionary(v => v.Key, v => v.Value switch
        {
            string text => FieldValue.FromText(text),
            DateTimeOffset instant => FieldValue.FromDateTime(instant),
            string[] list => FieldValue.FromList(list),
            _ => throw new ArgumentException("unsupported test value", nameof(values)),
        }));

    private static async IAsyncEnumerable<RelatedRecord> Related(SourceRecordKey owner)
    {
        await Task.Yield();
        yield return new RelatedRecord(new SourceRecordKey("crm", "Task", "1"), "tasks", EntityKind.Person,
            new Dictionary<string, FieldValue> { ["subject"] = FieldValue.FromText("Call") }) { OwnerRecord = owner };
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
