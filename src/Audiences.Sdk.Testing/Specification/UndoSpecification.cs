using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The undo contract: a merge splits back into the profiles it came from, each with its own
/// source values and original id; the split is recorded and sticks when the records come again.
/// </summary>
public abstract class UndoSpecification : StoreSpecification
{
    /// <summary>Undoing a merge brings the merged profile back with its id, records, values and aliases.</summary>
    [Fact]
    public virtual async Task Undo_restores_the_merged_profile_with_its_id_records_and_values()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com"), ("title", "CTO")));
        await ImportPeopleAsync(service, Person("csv", "1", ("linkedin_url", "linkedin.com/in/ada-b"), ("title", "Engineer"), ("city", "Leeds")));
        await ImportPeopleAsync(service, Person("web", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada-b")));
        (await AllAsync(store)).Should().ContainSingle();

        var split = await service.UndoMergeAsync(new ProfileId(2));

        var profiles = await AllAsync(store);
        profiles.Select(p => p.Id.Value).Should().Equal(1, 2);
        var restored = profiles[1];
        restored.Sources.Select(s => s.Key).Should().Equal(new SourceRecordKey("csv", "rows", "1"));
        restored["city"].Should().Be(FieldValue.FromText("Leeds"));
        restored["title"].Should().Be(FieldValue.FromText("Engineer"));
        restored.Aliases.Should().Equal(new AliasKey("linkedin_url", "linkedin.com/in/ada-b"));
        restored.CreatedAt.Should().Be(Clock.GetUtcNow());

        var survivor = profiles[0];
        survivor.Sources.Select(s => s.Key.Source).Should().BeEquivalentTo("crm", "web");
        survivor.Values.Should().NotContainKey("city");
        survivor["title"].Should().Be(FieldValue.FromText("CTO"));
        survivor.Aliases.Should().Contain(new AliasKey("linkedin_url", "linkedin.com/in/ada-b"), "the web record that caused the merge carries it and stays");

        (await store.Profiles.ResolveAsync(new ProfileId(2))).Should().Be(new ProfileId(2));
        (await store.Profiles.FindBySourceRecordAsync(new SourceRecordKey("csv", "rows", "1")))!.Id.Should().Be(new ProfileId(2));
        split.RestoredId.Should().Be(new ProfileId(2));
        split.SurvivorId.Should().Be(new ProfileId(1));
        split.RestoredRecords.Should().Equal(new SourceRecordKey("csv", "rows", "1"));
        split.RemainingRecords.Should().BeEquivalentTo([new SourceRecordKey("crm", "rows", "1"), new SourceRecordKey("web", "rows", "1")]);
        split.Reason.Should().Contain("undone");
        (await store.Ledger.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle().Which.Should().BeEquivalentTo(split);
        (await store.Ledger.ListSplitsAsync(EntityKind.Company).ToListAsync()).Should().BeEmpty();
    }

    /// <summary>The merge ledger keeps, per merge, the records the merged profile held.</summary>
    [Fact]
    public virtual async Task The_merge_ledger_keeps_the_records_each_merge_moved()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "ada@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/ada")), Person("b", "2", ("linkedin_url", "linkedin.com/in/ada"), ("city", "Bath")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));

        var merge = (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle().Subject;
        merge.MergedId.Should().Be(new ProfileId(2));
        merge.MergedRecords.Should().BeEquivalentTo([new SourceRecordKey("b", "rows", "1"), new SourceRecordKey("b", "rows", "2")]);
        merge.MergedCreatedAt.Should().Be(Clock.GetUtcNow());
        merge.MatchProbability.Should().BeNull();
    }

    /// <summary>Importing the same records again after an undo does not merge them back; the import says why.</summary>
    [Fact]
    public virtual async Task An_undone_merge_stays_undone_when_the_records_are_imported_again()
    {
        var store = NewStore();
        var service = store.Service;
        SourceRecord[] records =
        [
            Person("crm", "1", ("email", "pat@example.com"), ("title", "CFO")),
            Person("csv", "1", ("linkedin_url", "linkedin.com/in/pat"), ("title", "Intern")),
            Person("web", "1", ("email", "pat@example.com"), ("linkedin_url", "linkedin.com/in/pat")),
        ];
        foreach (var record in records)
        {
            await ImportPeopleAsync(service, record);
        }

        (await AllAsync(store)).Should().ContainSingle();
        await service.UndoMergeAsync(new ProfileId(2));

        Clock.Advance(TimeSpan.FromHours(1));
        var changed = records[0] with { Values = new Dictionary<string, FieldValue> { ["email"] = FieldValue.FromText("pat@example.com"), ["title"] = FieldValue.FromText("CEO") } };
        var again = await ImportPeopleAsync(service, changed, records[1], records[2]);

        var profiles = await AllAsync(store);
        profiles.Select(p => p.Id.Value).Should().Equal(1, 2);
        profiles[0]["title"].Should().Be(FieldValue.FromText("CEO"));
        profiles[1]["title"].Should().Be(FieldValue.FromText("Intern"));
        profiles[1].Sources.Select(s => s.Key.Source).Should().Equal("csv");
        again.Merged.Should().Be(0);
        again.Warnings.Should().Contain(w => w.Field == "linkedin_url" && w.Message.Contains("apart", StringComparison.Ordinal));
    }

    /// <summary>A new record that matches both sides of an undone merge joins one side and does not join them.</summary>
    [Fact]
    public virtual async Task A_new_record_matching_both_sides_does_not_join_them()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "sam@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/sam")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "sam@example.com"), ("linkedin_url", "linkedin.com/in/sam")));
        await service.UndoMergeAsync(new ProfileId(2));

        var result = await ImportPeopleAsync(service, Person("d", "1", ("email", "sam@example.com"), ("linkedin_url", "https://uk.linkedin.com/in/SAM/")));

        result.Merged.Should().Be(0);
        var profiles = await AllAsync(store);
        profiles.Should().HaveCount(2);
        profiles[0].Sources.Select(s => s.Key.Source).Should().BeEquivalentTo("a", "c", "d");
        profiles[1].Sources.Select(s => s.Key.Source).Should().Equal("b");
    }

    /// <summary>Ids merged into the restored profile before its own merge resolve to it again.</summary>
    [Fact]
    public virtual async Task Ids_merged_into_the_restored_profile_earlier_resolve_to_it_again()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "one@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/two")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "three@example.com")));
        await ImportPeopleAsync(service, Person("d", "1", ("linkedin_url", "linkedin.com/in/two"), ("email", "three@example.com")));
        (await store.Profiles.ResolveAsync(new ProfileId(3))).Should().Be(new ProfileId(2));
        await ImportPeopleAsync(service, Person("e", "1", ("email", "one@example.com"), ("linkedin_url", "linkedin.com/in/two")));
        (await store.Profiles.ResolveAsync(new ProfileId(3))).Should().Be(new ProfileId(1));

        await service.UndoMergeAsync(new ProfileId(2));

        (await store.Profiles.ResolveAsync(new ProfileId(2))).Should().Be(new ProfileId(2));
        (await store.Profiles.ResolveAsync(new ProfileId(3))).Should().Be(new ProfileId(2));
        (await store.Profiles.GetProfileAsync(new ProfileId(2)))!.Sources.Select(s => s.Key.Source).Should().BeEquivalentTo("b", "c", "d");
        (await store.Profiles.GetProfileAsync(new ProfileId(1)))!.Sources.Select(s => s.Key.Source).Should().BeEquivalentTo("a", "e");
    }

    /// <summary>A split survives closing and reopening the store.</summary>
    [Fact]
    public virtual async Task A_split_is_durable()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "kim@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/kim"), ("city", "Oslo")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "kim@example.com"), ("linkedin_url", "linkedin.com/in/kim")));
        await service.UndoMergeAsync(new ProfileId(2));

        var reopened = Reopen(store);

        (await AllAsync(reopened)).Select(p => p.Id.Value).Should().Equal(1, 2);
        (await reopened.Profiles.GetProfileAsync(new ProfileId(2)))!["city"].Should().Be(FieldValue.FromText("Oslo"));
        (await reopened.Ledger.ListSplitsAsync(EntityKind.Person).ToListAsync()).Should().ContainSingle();
        var again = await ImportPeopleAsync(reopened.Service, Person("b", "1", ("linkedin_url", "linkedin.com/in/kim"), ("city", "Oslo")));
        again.Merged.Should().Be(0);
        (await AllAsync(reopened)).Should().HaveCount(2);
    }

    /// <summary>Undo refuses a live id, an unknown id and a second undo of the same merge, changing nothing.</summary>
    [Fact]
    public virtual async Task Undo_refuses_ids_it_cannot_split()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "lee@example.com")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/lee")));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "lee@example.com"), ("linkedin_url", "linkedin.com/in/lee")));
        var version = await store.Changes.GetLastVersionAsync();

        await service.Invoking(s => s.UndoMergeAsync(new ProfileId(1))).Should().ThrowAsync<InvalidOperationException>().WithMessage("*1 is live*");
        await service.Invoking(s => s.UndoMergeAsync(new ProfileId(99))).Should().ThrowAsync<KeyNotFoundException>().WithMessage("*99*");
        (await store.Changes.GetLastVersionAsync()).Should().Be(version);

        await service.UndoMergeAsync(new ProfileId(2));
        await service.Invoking(s => s.UndoMergeAsync(new ProfileId(2))).Should().ThrowAsync<InvalidOperationException>().WithMessage("*2 is live*");
    }
}
