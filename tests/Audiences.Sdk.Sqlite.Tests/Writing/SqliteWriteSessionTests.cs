using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite.Tests.Writing;

public sealed class SqliteWriteSessionTests : IDisposable
{
    private static readonly AliasKey Ada = new("email", "ada@example.com");
    private static readonly AliasKey AdaWork = new("email", "ada@work.com");
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task WriteProfileAsync_AliasesAddedAndRemoved_UpdatesLookupsAndTheProfile()
    {
        using var store = _directory.OpenStore();
        var id = (await TestRecords.CreatePeopleAsync(store, Ada.Value))[0];

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var profile = (await session.LoadAsync(id))!;
            await session.WriteProfileAsync(new ProfileWrite(id, EntityKind.Person, false, 2, profile.CreatedAt, profile.Values, [], [AdaWork], [Ada]));
            (await session.FindAliasOwnersAsync(EntityKind.Person, Ada)).Should().BeEmpty();
            (await session.FindAliasOwnersAsync(EntityKind.Person, AdaWork)).Should().Equal(id);
            await session.CommitAsync();
        }

        (await store.Profiles.GetProfileAsync(id))!.Aliases.Should().Equal(AdaWork);
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, Ada)).Should().BeNull();
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, AdaWork))!.Version.Should().Be(2);
        (await store.Changes.GetLastVersionAsync()).Should().Be(2);
    }

    [Fact]
    public async Task WriteProfileAsync_SourceMovedOutOfANewProfile_TheProfileKeepsTheValuesItHad()
    {
        using var store = _directory.OpenStore();
        var ids = await TestRecords.CreatePeopleAsync(store, "a@example.com", "b@example.com");
        var before = (await store.Profiles.GetProfileAsync(ids[0]))!;
        var moved = before.Sources[0];

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var survivor = (await session.LoadAsync(ids[1]))!;
            var sources = survivor.Sources.Append(moved).ToList();
            await session.WriteProfileAsync(new ProfileWrite(
                ids[1], EntityKind.Person, false, 10, survivor.CreatedAt, Survivorship.Derive(sources), [moved], [], []));
            await session.CommitAsync();
        }

        var after = (await store.Profiles.GetProfileAsync(ids[0]))!;
        after.Sources.Should().BeEmpty("its only record moved to the other profile");
        after.Values.Should().Equal(before.Values, "a profile's values change only when it is written");
        (await store.Profiles.GetProfileAsync(ids[1]))!.Sources.Should().HaveCount(2);
    }

    [Fact]
    public async Task WriteProfileAsync_NewProfileWithValuesNotDerivedFromItsRecord_ReadsBackTheGivenValues()
    {
        using var store = _directory.OpenStore();
        var source = TestRecords.Source("r1", 1, "ada@example.com", ("city", FieldValue.FromText("Paris")));
        var values = new Dictionary<string, ProfileValue>(Survivorship.Derive([source]));
        values["city"] = values["city"] with { Value = FieldValue.FromText("Lyon") };

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var id = await session.AllocateProfileIdAsync();
            await session.WriteProfileAsync(TestRecords.NewProfile(id, 1, source) with { Values = values });
            await session.CommitAsync();
        }

        var profile = (await store.Profiles.FindByAliasAsync(EntityKind.Person, Ada))!;
        profile["city"].Should().Be(FieldValue.FromText("Lyon"));
        profile.Values.Should().Equal(values);
        (await store.Catalog.GetFieldStatisticsAsync(EntityKind.Person)).Should().BeEmpty("no field is in the catalog");
    }

    [Fact]
    public async Task FindAliasOwnersAsync_SeveralOwners_ListsLiveOnesOldestFirst()
    {
        using var store = _directory.OpenStore();
        var ids = await TestRecords.CreatePeopleAsync(store, "a@example.com", "b@example.com", "c@example.com");
        await using var session = await store.Profiles.BeginWriteAsync();
        foreach (var id in ids.AsEnumerable().Reverse())
        {
            var profile = (await session.LoadAsync(id))!;
            await session.WriteProfileAsync(new ProfileWrite(id, EntityKind.Person, false, 10 + id.Value, profile.CreatedAt, profile.Values, [], [Ada], []));
        }

        await session.RetireProfileAsync(ids[1], ids[0]);

        (await session.FindAliasOwnersAsync(EntityKind.Person, Ada)).Should().Equal(ids[0], ids[2]);
        (await session.FindAliasOwnersAsync(EntityKind.Company, Ada)).Should().BeEmpty("aliases are scoped to a kind");
        await session.CommitAsync();
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, Ada))!.Id.Should().Be(ids[0]);
    }

    [Fact]
    public async Task RetireProfileAsync_SurvivorMergedLater_EveryOldIdResolvesToTheFinalSurvivor()
    {
        using var store = _directory.OpenStore();
        var ids = await TestRecords.CreatePeopleAsync(store, "1@example.com", "2@example.com", "3@example.com", "4@example.com");

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await session.RetireProfileAsync(ids[3], ids[2]);
            await session.RetireProfileAsync(ids[2], ids[1]);
            await session.CommitAsync();
        }

        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            (await session.ResolveAsync(ids[3])).Should().Be(ids[1]);
            await session.RetireProfileAsync(ids[1], ids[0]);
            await session.CommitAsync();
        }

        foreach (var id in ids)
        {
            (await store.Profiles.ResolveAsync(id)).Should().Be(ids[0]);
            (await store.Profiles.GetProfileAsync(id))!.Id.Should().Be(ids[0]);
        }

        (await store.Profiles.ResolveAsync(new ProfileId(99))).Should().BeNull();
        (await store.Profiles.FindByAliasAsync(EntityKind.Person, new AliasKey("email", "4@example.com"))).Should().BeNull("a retired profile's aliases go with it");
        (await store.Profiles.CountProfilesAsync(EntityKind.Person)).Should().Be(1);
    }

    [Fact]
    public async Task FindSourceRecordOwnerAsync_OwnerRetired_ResolvesToTheSurvivor()
    {
        using var store = _directory.OpenStore();
        var ids = await TestRecords.CreatePeopleAsync(store, "1@example.com", "2@example.com");
        var key = new SourceRecordKey("crm", "Contact", "2@example.com-record");
        await using var session = await store.Profiles.BeginWriteAsync();

        await session.RetireProfileAsync(ids[1], ids[0]);

        (await session.FindSourceRecordOwnerAsync(key)).Should().Be(ids[0]);
        (await session.FindSourceRecordOwnerAsync(new SourceRecordKey("crm", "Contact", "nobody"))).Should().BeNull();
        (await session.LoadAsync(ids[1])).Should().BeNull("a retired id does not load without resolution");
    }

    [Fact]
    public async Task WriteProfileAsync_SourceMovedToAnotherProfile_ChangesItsOwner()
    {
        using var store = _directory.OpenStore();
        var ids = await TestRecords.CreatePeopleAsync(store, "1@example.com", "2@example.com");
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            var from = (await session.LoadAsync(ids[1]))!;
            var survivor = (await session.LoadAsync(ids[0]))!;
            await session.RetireProfileAsync(ids[1], ids[0]);
            var sources = survivor.Sources.Concat(from.Sources).ToList();
            await session.WriteProfileAsync(new ProfileWrite(ids[0], EntityKind.Person, false, 3, survivor.CreatedAt,
                Survivorship.Derive(sources), from.Sources, from.Aliases, []));
            await session.CommitAsync();
        }

        var profile = (await store.Profiles.FindBySourceRecordAsync(new SourceRecordKey("crm", "Contact", "2@example.com-record")))!;
        profile.Id.Should().Be(ids[0]);
        profile.Sources.Select(s => s.FirstSeenVersion).Should().Equal(1, 2);
        profile.Aliases.Should().HaveCount(2);
    }

    [Fact]
    public async Task WriteProfileAsync_ProfileNotLive_Throws()
    {
        using var store = _directory.OpenStore();
        await using var session = await store.Profiles.BeginWriteAsync();

        var update = () => session.WriteProfileAsync(new ProfileWrite(new ProfileId(5), EntityKind.Person, false, 1, TestRecords.Now,
            new Dictionary<string, ProfileValue>(), [], [], [])).AsTask();
        var retire = () => session.RetireProfileAsync(new ProfileId(5), new ProfileId(6)).AsTask();

        await update.Should().ThrowAsync<InvalidOperationException>().WithMessage("Profile 5 is not live*");
        await retire.Should().ThrowAsync<InvalidOperationException>().WithMessage("Profile 5 is not live*");
    }

    [Fact]
    public async Task AllocateProfileIdAsync_AfterAWriteWithAHigherId_HandsOutLargerIds()
    {
        using var store = _directory.OpenStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await session.WriteProfileAsync(TestRecords.NewProfile(new ProfileId(41), 7, TestRecords.Source("x", 7)));
            (await session.AllocateProfileIdAsync()).Should().Be(new ProfileId(42));
            await session.CommitAsync();
        }

        await using var next = await store.Profiles.BeginWriteAsync();
        next.LastVersion.Should().Be(7);
        (await next.AllocateProfileIdAsync()).Should().Be(new ProfileId(43));
    }

    [Fact]
    public async Task FindAliasOwnersAsync_KeyWrittenByAnotherStoreOnTheSameFile_IsFound()
    {
        using var first = _directory.OpenStore();
        using var second = _directory.OpenStore();
        await TestRecords.CreatePeopleAsync(second, "warm@example.com");

        var id = (await TestRecords.CreatePeopleAsync(first, Ada.Value))[0];

        await using var session = await second.Profiles.BeginWriteAsync();
        (await session.FindAliasOwnersAsync(EntityKind.Person, Ada)).Should().Equal(id);
        (await session.FindSourceRecordOwnerAsync(new SourceRecordKey("crm", "Contact", $"{Ada.Value}-record"))).Should().Be(id);
        (await session.AllocateProfileIdAsync()).Should().Be(new ProfileId(3));
    }

    [Fact]
    public async Task UpsertFieldAsync_SameKeyAgain_KeepsTheTypeAndReplacesTheRest()
    {
        using var store = _directory.OpenStore();
        await using (var session = await store.Profiles.BeginWriteAsync())
        {
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("score", EntityKind.Person, FieldType.Number, "model") { CostPerRecord = 0.50m });
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("score", EntityKind.Person, FieldType.Text, "enrichment")
            {
                DisplayName = "Lead score",
                Description = "From the model",
                CostPerRecord = 1.25m,
                ExportStatus = FieldExportStatus.Exported,
            });
            await store.Catalog.UpsertFieldAsync(session, new FieldDefinition("score", EntityKind.Company, FieldType.Boolean, "model"));
            await session.CommitAsync();
        }

        var field = (await store.Catalog.GetFieldsAsync(EntityKind.Person)).Single();
        field.Should().BeEquivalentTo(new FieldDefinition("score", EntityKind.Person, FieldType.Number, "enrichment")
        {
            DisplayName = "Lead score",
            Description = "From the model",
            CostPerRecord = 1.25m,
            ExportStatus = FieldExportStatus.Exported,
        });
        (await store.Catalog.GetFieldsAsync(EntityKind.Company)).Single().Type.Should().Be(FieldType.Boolean);
    }

    public void Dispose() => _directory.Dispose();
}
