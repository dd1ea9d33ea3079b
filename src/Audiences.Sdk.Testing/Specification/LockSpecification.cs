using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>The lock contract: a locked value outranks every source until unlocked, and follows merges and restarts.</summary>
public abstract class LockSpecification : StoreSpecification
{
    /// <summary>A locked value survives later imports of higher-ranked sources, and unlocking gives the sources back their say.</summary>
    [Fact]
    public virtual async Task A_locked_value_is_not_overwritten_until_unlocked()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("csv", "1", ("email", "ada@example.com"), ("title", "Head of Data")));

        var locked = await service.LockFieldAsync(new ProfileId(1), "title");
        locked["title"].Should().Be(FieldValue.FromText("Head of Data"));
        locked.Values["title"].SourceKind.Should().Be(SourceKind.Manual);

        Clock.Advance(TimeSpan.FromDays(1));
        await service.UpsertAsync(
            [Record(EntityKind.Person, SourceKind.Upsert, "app", "1", ("email", "ada@example.com"), ("title", "VP Data"))],
            new ImportOptions(EntityKind.Person));
        var profile = (await AllAsync(store)).Should().ContainSingle().Subject;
        profile["title"].Should().Be(FieldValue.FromText("Head of Data"));

        var unlocked = await service.UnlockFieldAsync(new ProfileId(1), "title");
        unlocked["title"].Should().Be(FieldValue.FromText("VP Data"));
        unlocked.Values["title"].Source.Should().Be(new SourceRecordKey("app", "rows", "1"));
    }

    /// <summary>A lock with an explicit value wins over a per-field survivorship override too.</summary>
    [Fact]
    public virtual async Task A_locked_value_wins_over_field_overrides()
    {
        var store = NewStore(configure: o => o.Survivorship.FieldSourcePriority["title"] = ["csv"]);
        var service = store.Service;
        await ImportPeopleAsync(service, Person("csv", "1", ("email", "ada@example.com"), ("title", "Engineer")));

        var locked = await service.LockFieldAsync(new ProfileId(1), "title", FieldValue.FromText("Principal Engineer"));

        locked["title"].Should().Be(FieldValue.FromText("Principal Engineer"));
        locked.Sources.Should().Contain(s => s.Record.SourceKind == SourceKind.Manual && s.Aliases.Count == 0);
    }

    /// <summary>A lock goes with its profile into a merge, and is still there after a restart.</summary>
    [Fact]
    public virtual async Task A_lock_follows_merges_and_is_durable()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "bo@example.com"), ("city", "Paris")));
        await ImportPeopleAsync(service, Person("b", "1", ("linkedin_url", "linkedin.com/in/bo"), ("city", "Lyon")));
        await service.LockFieldAsync(new ProfileId(2), "city");

        Clock.Advance(TimeSpan.FromHours(2));
        await ImportPeopleAsync(service, Person("c", "1", ("email", "bo@example.com"), ("linkedin_url", "linkedin.com/in/bo"), ("city", "Nice")));

        var reopened = Reopen(store);
        var profile = (await AllAsync(reopened)).Should().ContainSingle().Subject;
        profile.Id.Should().Be(new ProfileId(1));
        profile["city"].Should().Be(FieldValue.FromText("Lyon"));
        profile.Values["city"].SourceKind.Should().Be(SourceKind.Manual);
    }

    /// <summary>Locks refuse unknown profiles and fields, values of the wrong type, empty fields, and unlocking what is not locked.</summary>
    [Fact]
    public virtual async Task Locks_refuse_bad_requests_with_clear_errors()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("a", "1", ("email", "cy@example.com"), ("age", 41)));
        var id = new ProfileId(1);
        var version = await store.Changes.GetLastVersionAsync();

        await service.Invoking(s => s.LockFieldAsync(new ProfileId(42), "age")).Should().ThrowAsync<KeyNotFoundException>().WithMessage("*42*");
        (await service.Invoking(s => s.LockFieldAsync(id, "shoe_size", FieldValue.FromNumber(9))).Should().ThrowAsync<ArgumentException>())
            .Which.Message.Should().StartWith("The person catalog has no field 'shoe_size'");
        await service.Invoking(s => s.LockFieldAsync(id, "age", FieldValue.FromText("old"))).Should().ThrowAsync<ArgumentException>().WithMessage("*'age' holds Number*");
        await service.Invoking(s => s.LockFieldAsync(id, "title")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*no value for 'title'*");
        await service.Invoking(s => s.UnlockFieldAsync(id, "age")).Should().ThrowAsync<InvalidOperationException>().WithMessage("*'age'*not locked*");
        (await store.Changes.GetLastVersionAsync()).Should().Be(version);
    }
}
