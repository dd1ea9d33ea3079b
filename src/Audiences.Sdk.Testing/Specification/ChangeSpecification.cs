using Audiences.Sdk.Profiles;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Testing.Specification;

/// <summary>
/// The change-detection contract: <c>ListChangedProfilesAsync</c> lists live profiles changed after a
/// version in version order, then ids retired by merges, each once with its last change.
/// </summary>
public abstract class ChangeSpecification : StoreSpecification
{
    /// <summary>Only profiles written after the version are listed, once each, in version order.</summary>
    [Fact]
    public virtual async Task Profiles_changed_after_a_version_are_listed_once_in_version_order()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com")), Person("crm", "2", ("email", "bob@example.com")));
        var checkpoint = await store.Changes.GetLastVersionAsync();
        await ImportPeopleAsync(service, Person("crm", "2", ("email", "bob@example.com"), ("title", "CTO")));
        await ImportPeopleAsync(service, Person("crm", "3", ("email", "cy@example.com")));
        await ImportPeopleAsync(service, Person("crm", "2", ("email", "bob@example.com"), ("title", "CEO")));

        var changes = await store.Changes.ListChangedProfilesAsync(checkpoint).ToListAsync();

        changes.Select(c => c.Id.Value).Should().Equal(3, 2);
        changes.Should().OnlyContain(c => !c.IsRetired && c.Kind == EntityKind.Person);
        changes.Select(c => c.Version).Should().BeInAscendingOrder().And.OnlyContain(v => v > checkpoint);
        changes[1].Profile!["title"].Should().Be(FieldValue.FromText("CEO"));
        (await store.Changes.ListChangedProfilesAsync(await store.Changes.GetLastVersionAsync()).ToListAsync()).Should().BeEmpty();
        (await store.Changes.ListChangedProfilesAsync(0).ToListAsync()).Select(c => c.Id.Value).Should().Equal(1, 3, 2);
    }

    /// <summary>A profile merged away is listed as retired, at the version of the merge, after the live ones.</summary>
    [Fact]
    public virtual async Task A_merged_profile_is_listed_as_retired_after_the_live_changes()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com")));
        await ImportPeopleAsync(service, Person("csv", "1", ("linkedin_url", "linkedin.com/in/ada")));
        var checkpoint = await store.Changes.GetLastVersionAsync();
        await ImportPeopleAsync(service, Person("web", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));
        var merge = (await store.Ledger.ListMergesAsync(EntityKind.Person).ToListAsync()).Single();

        var changes = await Reopen(store).Changes.ListChangedProfilesAsync(checkpoint).ToListAsync();

        changes.Should().HaveCount(2);
        changes[0].Id.Should().Be(new ProfileId(1));
        changes[0].IsRetired.Should().BeFalse();
        changes[1].Should().Be(new ProfileChange(new ProfileId(2), EntityKind.Person, merge.Version, null));
        changes[1].IsRetired.Should().BeTrue();
    }

    /// <summary>An undone merge brings the id back: it is listed live, not retired.</summary>
    [Fact]
    public virtual async Task An_undone_merge_lists_the_restored_profile_as_live()
    {
        var store = NewStore();
        var service = store.Service;
        await ImportPeopleAsync(service, Person("crm", "1", ("email", "ada@example.com")));
        await ImportPeopleAsync(service, Person("csv", "1", ("linkedin_url", "linkedin.com/in/ada")));
        var checkpoint = await store.Changes.GetLastVersionAsync();
        await ImportPeopleAsync(service, Person("web", "1", ("email", "ada@example.com"), ("linkedin_url", "linkedin.com/in/ada")));
        await service.UndoMergeAsync(new ProfileId(2));

        var changes = await store.Changes.ListChangedProfilesAsync(checkpoint).ToListAsync();

        changes.Select(c => c.Id.Value).Should().BeEquivalentTo([1L, 2L]);
        changes.Should().OnlyContain(c => !c.IsRetired);
    }
}
